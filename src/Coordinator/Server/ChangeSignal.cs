namespace Coordinator.Server;

/// <summary>
/// Wakes waiters when the journal changes (an event appended, a status changed). Take <see cref="Next"/> before
/// reading the journal, then wait on it: a change in between completes it, so no wake-up is lost.
/// </summary>
public sealed class ChangeSignal
{
    private TaskCompletionSource _current = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref _current).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _current, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
