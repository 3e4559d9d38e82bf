namespace Coordinator.Vss;

/// <summary>Maps an HRESULT to the <see cref="VssException"/> subclass the coordinator handles specially.</summary>
internal static class VssExceptionFactory
{
    public static VssException Create(int hresult, string operation, string? writer, string? detail, Exception? innerException) =>
        hresult switch
        {
            HResults.VSS_E_WRITER_INFRASTRUCTURE => new VssWriterInfrastructureException(operation, writer, detail, innerException),
            HResults.VSS_E_BAD_STATE => new VssBadStateException(operation, writer, detail, innerException),
            HResults.VSS_E_SNAPSHOT_SET_IN_PROGRESS => new VssSnapshotSetInProgressException(operation, writer, detail, innerException),
            HResults.VSS_E_OBJECT_NOT_FOUND => new VssObjectNotFoundException(operation, writer, detail, innerException),
            HResults.VSS_E_OBJECT_ALREADY_EXISTS => new VssObjectAlreadyExistsException(operation, writer, detail, innerException),
            HResults.VSS_E_VOLUME_NOT_SUPPORTED or HResults.VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER =>
                new VssVolumeNotSupportedException(hresult, operation, writer, detail, innerException),
            HResults.E_ACCESSDENIED => new VssAccessDeniedException(operation, writer, detail, innerException),
            HResults.E_INVALIDARG => new VssInvalidArgumentException(operation, writer, detail, innerException),
            HResults.VSS_E_WRITERERROR_RETRYABLE or HResults.VSS_E_WRITERERROR_OUTOFRESOURCES or HResults.VSS_E_WRITERERROR_TIMEOUT =>
                new VssRetryableWriterException(hresult, operation, writer, detail, innerException),
            HResults.RPC_E_WRONG_THREAD => new VssWrongThreadException(operation, writer, detail, innerException),
            HResults.E_NOTIMPL => new VssNotAvailableException(operation, writer, detail, innerException),
            HResults.VSS_E_UNEXPECTED or HResults.E_UNEXPECTED => new VssUnexpectedErrorException(hresult, operation, writer, detail, innerException),
            _ => new VssException(hresult, operation, writer, detail, innerException),
        };
}
