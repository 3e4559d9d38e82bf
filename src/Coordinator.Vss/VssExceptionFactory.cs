namespace Coordinator.Vss;

/// <summary>
/// Maps an HRESULT to the <see cref="VssException"/> subclass the coordinator catches by type; every other code, including
/// ones it classifies by HResult (VSS_E_OBJECT_ALREADY_EXISTS, E_INVALIDARG, the retryable writer errors, ...), is the base type.
/// </summary>
internal static class VssExceptionFactory
{
    public static VssException Create(int hresult, string operation, string? writer, string? detail, Exception? innerException) =>
        hresult switch
        {
            HResults.VSS_E_WRITER_INFRASTRUCTURE => new VssWriterInfrastructureException(operation, writer, detail, innerException),
            HResults.VSS_E_BAD_STATE => new VssBadStateException(operation, writer, detail, innerException),
            HResults.VSS_E_SNAPSHOT_SET_IN_PROGRESS => new VssSnapshotSetInProgressException(operation, writer, detail, innerException),
            HResults.VSS_E_OBJECT_NOT_FOUND => new VssObjectNotFoundException(operation, writer, detail, innerException),
            HResults.E_ACCESSDENIED => new VssAccessDeniedException(operation, writer, detail, innerException),
            HResults.RPC_E_WRONG_THREAD => new VssWrongThreadException(operation, writer, detail, innerException),
            HResults.E_NOTIMPL => new VssNotAvailableException(operation, writer, detail, innerException),
            _ => new VssException(hresult, operation, writer, detail, innerException),
        };
}
