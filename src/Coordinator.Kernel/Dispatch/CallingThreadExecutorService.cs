namespace Coordinator.Kernel.Dispatch;

/// <summary>
/// Runs work on the thread that hands it over, before <see cref="Execute"/> returns: the executor of a
/// <c>CallingThreadDispatcher</c>. Meant for small actors that never block and whose hand-off latency matters
/// (the snapshot gate): a message to such an actor costs no thread wake-up.
/// </summary>
/// <remarks>
/// <para>
/// Work handed over while this thread is already running such work (a mailbox run telling another
/// calling-thread actor, or re-scheduling itself) is queued on the thread and run when the outer work returns,
/// so nesting never deepens the stack and one mailbox never runs inside itself. An actor turn of another
/// dispatcher that tells a calling-thread actor does run it nested; <see cref="Mailbox.Run"/> saves and restores
/// the current actor around it.
/// </para>
/// <para>
/// The work runs in a clean execution context, as on the other executors: the caller's AsyncLocal values do not
/// leak into the actor, and the caller's are restored afterwards.
/// </para>
/// </remarks>
public sealed class CallingThreadExecutorService : ExecutorService
{
    [ThreadStatic]
    private static Queue<IRunnable>? t_deferred;

    [ThreadStatic]
    private static bool t_running;

    private static readonly ExecutionContext s_cleanContext = CaptureCleanContext();

    private volatile bool _isShutdown;

    /// <summary>Creates the executor.</summary>
    public CallingThreadExecutorService(string id)
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

        if (t_running)
        {
            (t_deferred ??= new Queue<IRunnable>()).Enqueue(run);
            return;
        }

        var callerContext = ExecutionContext.Capture();
        t_running = true;
        try
        {
            ExecutionContext.Restore(s_cleanContext);
            RunSafely(run);
            while (t_deferred is { Count: > 0 } deferred)
            {
                RunSafely(deferred.Dequeue());
            }
        }
        finally
        {
            t_running = false;
            if (callerContext is not null)
            {
                ExecutionContext.Restore(callerContext);
            }
        }
    }

    /// <inheritdoc />
    public override void Shutdown() => _isShutdown = true;

    private static void RunSafely(IRunnable run)
    {
        try
        {
            run.Run();
        }
        catch (Exception)
        {
            // The caller is someone else's code (another actor's turn): a faulty runnable must not reach it.
            // Mailboxes never throw; they report failures themselves.
        }
    }

    private static ExecutionContext CaptureCleanContext()
    {
        // A thread started without flowing the context has the default one; that is the context to run in.
        ExecutionContext? clean = null;
        var thread = new Thread(() => clean = ExecutionContext.Capture()) { IsBackground = true, Name = "calling-thread-context" };
        thread.UnsafeStart();
        thread.Join();
        return clean ?? throw new InvalidOperationException("could not capture a clean execution context");
    }
}

/// <summary>Produces <see cref="CallingThreadExecutorService"/>s.</summary>
public sealed class CallingThreadExecutorServiceFactory : ExecutorServiceFactory
{
    /// <inheritdoc />
    public override ExecutorService Produce(string id) => new CallingThreadExecutorService(id);
}
