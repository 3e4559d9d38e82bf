using Coordinator.Kernel.Actor;

namespace Coordinator.Kernel.Dispatch;

/// <summary>
/// One dedicated thread for one actor. The thread is the same for the actor's whole life, restarts
/// included (a restart keeps the cell, hence the dispatcher). A second actor cannot register.
/// After the actor stops, the thread exits once <see cref="ShutdownTimeout"/> has passed.
/// </summary>
public sealed class PinnedDispatcher : MessageDispatcher
{
    private readonly object _lock = new();
    private readonly string _threadNamePrefix;
    private readonly ApartmentState _apartment;
    private readonly int _stackSize;
    private ActorCell? _owner;
    private volatile DedicatedThreadExecutorService? _executor;
    private ITimer? _shutdownTimer;

    /// <summary>Creates the dispatcher. Nothing runs until an actor is attached.</summary>
    public PinnedDispatcher(string id, int throughput, string threadNamePrefix, ApartmentState apartment, TimeSpan shutdownTimeout, int stackSize = DedicatedThreadExecutorService.DefaultStackSize)
        : base(id, throughput)
    {
        _threadNamePrefix = threadNamePrefix;
        _apartment = apartment;
        _stackSize = stackSize;
        ShutdownTimeout = shutdownTimeout;
    }

    /// <summary>How long the thread lingers after its actor stopped.</summary>
    public TimeSpan ShutdownTimeout { get; }

    /// <summary>The apartment requested for the thread (applied on Windows only).</summary>
    public ApartmentState Apartment => _apartment;

    /// <summary>The stack size of the thread, in bytes (<c>stack-size</c>; 256 KiB unless configured).</summary>
    public int StackSize => _stackSize;

    /// <summary>The dedicated thread, once an actor has been attached.</summary>
    public Thread? Thread
    {
        get
        {
            lock (_lock)
            {
                return _executor?.Thread;
            }
        }
    }

    // Read without the lock: this is on every enqueue. An executor shut down right after the read
    // rejects the work, which RegisterForExecution tolerates (the actor is gone by then).
    private protected override ExecutorService Executor =>
        _executor ?? throw new RejectedExecutionException($"Pinned dispatcher [{Id}] has no actor.");

    internal override void Attach(ActorCell cell)
    {
        lock (_lock)
        {
            if (_owner is not null && !ReferenceEquals(_owner, cell))
            {
                throw new InvalidOperationException($"Cannot register to anyone but {_owner.Self}");
            }

            _owner = cell;
            _shutdownTimer?.Dispose();
            _shutdownTimer = null;
            _executor ??= new DedicatedThreadExecutorService(Id, _threadNamePrefix, _apartment, _stackSize);
        }
    }

    internal override void Detach(ActorCell cell)
    {
        lock (_lock)
        {
            if (!ReferenceEquals(_owner, cell))
            {
                return;
            }

            _owner = null;
            if (ShutdownTimeout <= TimeSpan.Zero)
            {
                ShutdownExecutorLocked();
                return;
            }

            // Real time on purpose: thread lifetime is a resource matter, not actor-visible time,
            // so a test's fake clock must not keep threads alive.
            _shutdownTimer = TimeProvider.System.CreateTimer(
                static state =>
                {
                    var self = (PinnedDispatcher)state!;
                    lock (self._lock)
                    {
                        if (self._owner is null)
                        {
                            self.ShutdownExecutorLocked();
                        }
                    }
                },
                this,
                ShutdownTimeout,
                Timeout.InfiniteTimeSpan);
        }
    }

    internal override void Shutdown()
    {
        lock (_lock)
        {
            if (_owner is null)
            {
                ShutdownExecutorLocked();
            }
        }
    }

    private void ShutdownExecutorLocked()
    {
        _shutdownTimer?.Dispose();
        _shutdownTimer = null;
        _executor?.Shutdown();
        _executor = null;
    }
}
