namespace Coordinator.Vss;

/// <summary>
/// The one reading of an <see cref="IVssAsync"/>'s outcome. Wait succeeding says nothing about the operation's result
/// (docs/vss-reference.md#ivssasync): QueryStatus decides, every time.
/// </summary>
public static class VssAsyncExtensions
{
    /// <summary>
    /// Waits up to <paramref name="timeout"/>, cancelling the operation and throwing <see cref="TimeoutException"/> when
    /// it is still pending then; otherwise returns the final status (see <see cref="IsFinished"/> for what throws).
    /// </summary>
    public static int WaitForSuccess(this IVssAsync operation, string name, TimeSpan timeout)
    {
        if (!operation.Wait(timeout))
        {
            operation.Cancel();
            throw new TimeoutException($"{name} did not finish within {timeout}");
        }
        var status = operation.QueryStatus();
        if (!IsFinished(status, name))
        {
            throw new TimeoutException($"{name} was still pending after Wait returned");
        }
        return status;
    }

    /// <summary>
    /// False while VSS_S_ASYNC_PENDING; true when the operation finished; throws <see cref="OperationCanceledException"/>
    /// for VSS_S_ASYNC_CANCELLED and the <see cref="VssException"/> of a failure code.
    /// </summary>
    public static bool IsFinished(int status, string name)
    {
        if (status == HResults.VSS_S_ASYNC_PENDING)
        {
            return false;
        }
        if (status == HResults.VSS_S_ASYNC_CANCELLED)
        {
            throw new OperationCanceledException($"{name} was cancelled");
        }
        if (status < 0)
        {
            throw VssException.Create(status, name);
        }
        return true;
    }
}
