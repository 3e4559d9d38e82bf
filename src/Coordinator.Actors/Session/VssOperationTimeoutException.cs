namespace Coordinator.Actors.Session;

/// <summary>An asynchronous VSS operation missed its deadline; it was cancelled and the backup aborted.</summary>
internal sealed class VssOperationTimeoutException(string operation, TimeSpan deadline)
    : Exception($"{operation} did not finish within {deadline}: the operation was cancelled and the backup aborted")
{
    public string Operation { get; } = operation;

    public TimeSpan Deadline { get; } = deadline;
}
