namespace Coordinator.Kernel.Dispatch;

/// <summary>Runs work on the .NET thread pool without flowing the execution context.</summary>
public sealed class ThreadPoolExecutorService : ExecutorService
{
    private volatile bool _isShutdown;

    /// <summary>Creates the executor.</summary>
    public ThreadPoolExecutorService(string id)
        : base(id)
    {
    }

    /// <inheritdoc />
    public override void Execute(IRunnable run)
    {
        if (_isShutdown)
        {
            throw new RejectedExecutionException($"Executor [{Id}] is shut down.");
        }

        // Mailboxes implement IThreadPoolWorkItem, so the hot path queues them without allocating.
        // Anything else is wrapped so that an exception cannot take the process down.
        if (run is IThreadPoolWorkItem workItem)
        {
            ThreadPool.UnsafeQueueUserWorkItem(workItem, preferLocal: false);
        }
        else
        {
            ThreadPool.UnsafeQueueUserWorkItem(new SafeRunnable(run), preferLocal: false);
        }
    }

    /// <inheritdoc />
    public override void Shutdown() => _isShutdown = true;

    private sealed class SafeRunnable(IRunnable run) : IThreadPoolWorkItem
    {
        public void Execute()
        {
            try
            {
                run.Run();
            }
            catch (Exception)
            {
                // An executor must survive a faulty runnable; mailboxes never throw.
            }
        }
    }
}
