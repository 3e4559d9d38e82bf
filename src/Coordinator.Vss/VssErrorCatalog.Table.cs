namespace Coordinator.Vss;

public static partial class VssErrorCatalog
{
    // Meanings from the Microsoft API docs and research/vss-requesters.md §4.
    private static IEnumerable<VssError> BuildTable()
    {
        yield return new("S_OK", HResults.S_OK, "success", VssErrorClass.Success);
        yield return new("VSS_S_ASYNC_PENDING", HResults.VSS_S_ASYNC_PENDING, "the asynchronous operation is still running", VssErrorClass.Success);
        yield return new("VSS_S_ASYNC_FINISHED", HResults.VSS_S_ASYNC_FINISHED, "the asynchronous operation finished", VssErrorClass.Success);
        yield return new("VSS_S_ASYNC_CANCELLED", HResults.VSS_S_ASYNC_CANCELLED, "the asynchronous operation was cancelled", VssErrorClass.Success);
        yield return new("E_ACCESSDENIED", HResults.E_ACCESSDENIED, "the caller lacks backup privileges or is not an administrator", VssErrorClass.NeverRetry);
        yield return new("E_INVALIDARG", HResults.E_INVALIDARG, "a parameter is invalid", VssErrorClass.NeverRetry);
        yield return new("E_OUTOFMEMORY", HResults.E_OUTOFMEMORY, "out of memory or other system resources", VssErrorClass.RetrySession);
        yield return new("E_UNEXPECTED", HResults.E_UNEXPECTED, "unexpected error; see the event log", VssErrorClass.NeverRetry);
        yield return new("E_NOTIMPL", HResults.E_NOTIMPL, "not implemented: VSS is not available here", VssErrorClass.NeverRetry);
        yield return new("RPC_E_WRONG_THREAD", HResults.RPC_E_WRONG_THREAD, "the object was called from a thread other than the one that created it", VssErrorClass.NeverRetry);
        yield return new("RPC_E_CHANGED_MODE", HResults.RPC_E_CHANGED_MODE, "the thread is already initialised in another COM apartment", VssErrorClass.NeverRetry);
        yield return new("RPC_E_TOO_LATE", HResults.RPC_E_TOO_LATE, "COM security was initialised before CoInitializeSecurity could run", VssErrorClass.NeverRetry);
        yield return new("VSS_E_BAD_STATE", HResults.VSS_E_BAD_STATE, "the object is not initialised, is in a restore, or the call is out of sequence", VssErrorClass.NeverRetry);
        yield return new("VSS_E_WRITER_INFRASTRUCTURE", HResults.VSS_E_WRITER_INFRASTRUCTURE, "the writer infrastructure is not operating properly; check that the Event Service and VSS are started", VssErrorClass.RetrySession);
        yield return new("VSS_E_SNAPSHOT_SET_IN_PROGRESS", HResults.VSS_E_SNAPSHOT_SET_IN_PROGRESS, "another shadow copy creation is in progress", VssErrorClass.RetryStep);
    }
}
