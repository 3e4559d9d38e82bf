namespace Coordinator.Vss;

/// <summary>
/// An asynchronous VSS operation (COM <c>IVssAsync</c>). The caller chooses the thread it waits on and
/// when it gives up; <see cref="Wait"/> succeeding says nothing about the operation's outcome, so always
/// read <see cref="QueryStatus"/> afterwards (docs/vss-reference.md#ivssasync).
/// </summary>
public interface IVssAsync : IDisposable
{
    /// <summary>Blocks up to <paramref name="timeout"/>; true when the operation is no longer pending.</summary>
    bool Wait(TimeSpan timeout);

    /// <summary>
    /// The operation's status as an HRESULT: <see cref="HResults.VSS_S_ASYNC_PENDING"/>,
    /// <see cref="HResults.VSS_S_ASYNC_FINISHED"/>, <see cref="HResults.VSS_S_ASYNC_CANCELLED"/>, or the
    /// failure code of the operation itself.
    /// </summary>
    int QueryStatus();

    /// <summary>Asks VSS to cancel the operation (COM: <c>IVssAsync::Cancel</c>).</summary>
    void Cancel();
}
