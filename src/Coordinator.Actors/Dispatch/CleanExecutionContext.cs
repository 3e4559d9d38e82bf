namespace Coordinator.Actors.Dispatch;

/// <summary>
/// The execution context a brand-new thread starts with: no AsyncLocal values. Our dispatchers run every actor turn
/// in it, so nothing the sender (or an earlier turn on the same thread) put in an AsyncLocal leaks into the actor,
/// just as on Akka's thread-pool dispatcher, which resets the context between work items.
/// </summary>
internal static class CleanExecutionContext
{
    public static ExecutionContext Instance { get; } = CaptureOnFreshThread();

    /// <summary>
    /// .NET keeps its default context internal; <see cref="ExecutionContext.Capture"/> hands it out on a thread that
    /// nothing flowed into, and <see cref="Thread.UnsafeStart()"/> starts such a thread. Done once per process.
    /// </summary>
    private static ExecutionContext CaptureOnFreshThread()
    {
        ExecutionContext? captured = null;
        var thread = new Thread(() => captured = ExecutionContext.Capture())
        {
            IsBackground = true,
            Name = "clean-execution-context",
        };
        thread.UnsafeStart();
        thread.Join();
        return captured ?? throw new InvalidOperationException("A fresh thread reported no execution context.");
    }
}
