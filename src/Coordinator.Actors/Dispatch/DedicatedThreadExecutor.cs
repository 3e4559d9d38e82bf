using Akka.Dispatch;

namespace Coordinator.Actors.Dispatch;

/// <summary>
/// An executor that owns exactly one thread and runs everything it is given there, in order. Akka's
/// <see cref="PinnedDispatcher"/> produces one per actor, so that actor's constructor, PreStart, every turn, the
/// continuations of its awaits (Akka delivers them as system messages through the same mailbox), restarts and
/// PostStop all run on this thread. <see cref="Shutdown"/> lets the thread finish the queue and exit.
/// </summary>
internal sealed class DedicatedThreadExecutor : ExecutorService
{
    // A queue under a monitor, and a wait that blocks at once: SemaphoreSlim (and BlockingCollection) spin before they
    // block, and with 16 sessions idle between turns on 2 cores that spinning took the CPU the working ones needed
    // (the server's CPU per job fell from 11.9 to 8.6 ms, bench/README "The server's own cost").
    private readonly Queue<IRunnable> _queue = new();
    private readonly object _gate = new();
    private volatile bool _shutDown;
    private readonly Action<Exception> _reportFailure;

    public DedicatedThreadExecutor(string id, string threadName, DedicatedThreadSettings settings, Action<Exception> reportFailure)
        : base(id)
    {
        _reportFailure = reportFailure;
        Thread = new Thread(Work, settings.StackSize)
        {
            Name = threadName,
            // Never keeps the process alive: the actor system's shutdown is what ends sessions, not this thread.
            IsBackground = true,
        };
        if (OperatingSystem.IsWindows())
        {
            // Must be set before Start; elsewhere apartments do not exist and SetApartmentState throws.
            Thread.SetApartmentState(settings.Apartment);
        }
        // UnsafeStart: the creator's execution context (whoever spawned the actor) must not flow into the thread.
        Thread.UnsafeStart();
    }

    public Thread Thread { get; }

    public override void Execute(IRunnable run)
    {
        if (_shutDown)
        {
            // Added after Shutdown: Akka's Dispatcher retries once, then reports; it never should happen, as the
            // only tenant has left by then.
            throw new RejectedExecutionException($"Dedicated thread [{Thread.Name}] of [{Id}] has shut down.");
        }
        lock (_gate)
        {
            _queue.Enqueue(run);
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Called by Akka on a scheduler thread once the actor has gone and shutdown-timeout has passed; never blocks.</summary>
    public override void Shutdown()
    {
        lock (_gate)
        {
            _shutDown = true;
            Monitor.Pulse(_gate);
        }
    }

    private void Work()
    {
        while (true)
        {
            IRunnable? run;
            lock (_gate)
            {
                while (!_queue.TryDequeue(out run))
                {
                    if (_shutDown)
                    {
                        return;
                    }
                    Monitor.Wait(_gate);
                }
            }
            try
            {
                // Each turn starts from a clean context, as on Akka's thread-pool dispatcher: an AsyncLocal one
                // handler sets does not leak into the next.
                ExecutionContext.Run(CleanExecutionContext.Instance, static state => ((IRunnable)state!).Run(), run);
            }
            catch (Exception e)
            {
                // An exception escaping the mailbox would end the thread and the process; the mailbox already
                // routes actor failures to supervision, so what arrives here is Akka's own trouble: report it.
                _reportFailure(e);
            }
        }
    }
}
