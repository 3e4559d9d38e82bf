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
    // A queue under a monitor, and a bounded spin before the wait (SpinBrieflyForWork): blocking at once cost a sleep
    // and a wake-up per message (pinned ping-pong 0.06 of the baseline); the SemaphoreSlim this replaced, whose spin
    // also sleeps, took more of the server's CPU per job (bench/README "The server's own cost").
    private readonly Queue<IRunnable> _queue = new();
    private readonly object _gate = new();
    private volatile bool _shutDown;
    // The queue's length as of the last change under the gate: read without it, only to decide whether to spin.
    private volatile int _queued;
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
            _queued = _queue.Count;
            Monitor.Pulse(_gate);
        }
    }

    // SemaphoreSlim's own count of spins before it waits; unlike it, never Thread.Sleep(1) while spinning.
    private const int SpinsBeforeBlocking = 35;

    /// <summary>
    /// Spins a bounded while (spinning, then yielding, never sleeping) before the thread blocks, so a reply that comes at
    /// once (a ping-pong, the gate answering) is taken without a sleep and a wake-up, and an idle session soon blocks.
    /// Measured on 2 cores, quiet (bench/README): pinned ping-pong 0.53 of the baseline against 0.06 when blocking at
    /// once; the server's 16 concurrent jobs 285 jobs/s at 5.6 ms CPU per job against 212 at 7.5 ms.
    /// </summary>
    private void SpinBrieflyForWork()
    {
        var spinner = new SpinWait();
        while (_queued == 0 && !_shutDown && spinner.Count < SpinsBeforeBlocking)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
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
            SpinBrieflyForWork();
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
                _queued = _queue.Count;
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
