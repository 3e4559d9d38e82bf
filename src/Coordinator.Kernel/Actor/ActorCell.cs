using Coordinator.Kernel.Actor.Internal;
using Coordinator.Kernel.Dispatch;
using Coordinator.Kernel.Dispatch.SysMsg;
using Coordinator.Kernel.Event;
using Debug = System.Diagnostics.Debug;

namespace Coordinator.Kernel.Actor;

/// <summary>
/// INTERNAL API. The runtime side of one actor: its mailbox, dispatcher, current message, children,
/// watchers and failure state. The cell outlives actor instances: a restart replaces the instance,
/// never the cell, so the mailbox, the dispatcher and (for a pinned dispatcher) the thread are kept.
/// </summary>
/// <remarks>
/// Everything but <see cref="SendMessage"/>, <see cref="SendSystemMessage"/> and the children lock is
/// touched only from the actor's own turn (inside <see cref="Mailbox.Run"/>), which is what makes it safe
/// to keep as plain fields.
/// </remarks>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic]
    private static ActorCell? t_current;

    // The TestKit sets this so that Tell from test code without a sender uses the TestActor. AsyncLocal,
    // not ThreadStatic, because test code hops threads across awaits.
    private static readonly AsyncLocal<IActorRef?> s_ambientSender = new();

    private static long s_uidCounter;

    private readonly ActorSystem _system;
    private readonly LocalActorRef _self;
    private readonly IInternalActorRef _parent;
    private readonly Props _props;
    private readonly MessageDispatcher _dispatcher;
    private readonly Mailbox _mailbox;

    private ActorBase? _actor;
    private Envelope _currentEnvelope;
    private bool _isConstructing;
    private volatile bool _isTerminated;
    private TimerScheduler? _timers;
    private UnboundedStash? _stash;

    public ActorCell(ActorSystem system, IInternalActorRef parent, ActorPath path, Props props, MessageDispatcher dispatcher)
    {
        _system = system;
        _parent = parent;
        _props = props;
        _dispatcher = dispatcher;
        _self = new LocalActorRef(this, path);
        _mailbox = new Mailbox(this, dispatcher);
    }

    /// <summary>The cell whose turn is running on this thread, if any.</summary>
    public static ActorCell? Current => t_current;

    public ActorSystem System => _system;

    public IActorRef Self => _self;

    internal LocalActorRef SelfRef => _self;

    public IActorRef Sender => _currentEnvelope.Sender ?? _system.DeadLetters;

    public IActorRef Parent => _parent;

    public Props Props => _props;

    public MessageDispatcher Dispatcher => _dispatcher;

    internal Mailbox Mailbox => _mailbox;

    internal ActorBase? Actor => _actor;

    internal Envelope CurrentEnvelope => _currentEnvelope;

    public bool IsTerminated => _isTerminated;

    internal static long NewUid()
    {
        // Never 0: 0 means "no uid" in paths.
        return Interlocked.Increment(ref s_uidCounter);
    }

    internal static bool IsCurrent(ActorCell cell) => ReferenceEquals(t_current, cell);

    internal static ActorCell? EnterTurn(ActorCell cell)
    {
        var previous = t_current;
        t_current = cell;
        return previous;
    }

    internal static void LeaveTurn(ActorCell? previous) => t_current = previous;

    internal static void SetAmbientSender(IActorRef? sender) => s_ambientSender.Value = sender;

    internal static IActorRef? GetCurrentSelfOrNoSender() => t_current?._self ?? s_ambientSender.Value;

    internal static IActorRef? GetCurrentSenderOrNoSender() => t_current?.Sender;

    /// <summary>Registers with the dispatcher and sends Create. Throws if the dispatcher refuses (a pinned one already owned).</summary>
    public void Init()
    {
        _dispatcher.Attach(this);
        SendSystemMessage(Create.Instance);
    }

    public void SendMessage(object message, IActorRef? sender)
    {
        _mailbox.Enqueue(new Envelope(message, sender ?? _system.DeadLetters));
    }

    public void SendSystemMessage(SystemMessage message) => _mailbox.SystemEnqueue(message);

    /// <summary>Called by <see cref="ActorBase"/>'s constructor; true only for the instance the cell is creating.</summary>
    internal bool TryClaimConstruction()
    {
        if (!_isConstructing)
        {
            return false;
        }

        _isConstructing = false;
        return true;
    }

    /// <summary>Processes one user message. Actor's turn only.</summary>
    public void Invoke(Envelope envelope)
    {
        Debug.Assert(IsCurrent(this), "Invoke outside the actor's turn");
        _currentEnvelope = envelope;
        try
        {
            if (envelope.Message is IAutoReceivedMessage)
            {
                AutoReceiveMessage(envelope.Message);
            }
            else
            {
                ReceiveMessage(envelope.Message);
            }
        }
        catch (Exception ex)
        {
            HandleInvokeFailure(ex, envelope.Message);
        }
        finally
        {
            _currentEnvelope = default;
        }
    }

    /// <summary>Processes one system message. Actor's turn only.</summary>
    public void SystemInvoke(SystemMessage message)
    {
        Debug.Assert(IsCurrent(this), "SystemInvoke outside the actor's turn");
        try
        {
            switch (message)
            {
                case Create:
                    FaultCreate(initial: true);
                    break;
                case ActorTaskSchedulerMessage continuation:
                    RunContinuation(continuation);
                    break;
                case AsyncHandlerCompleted completed:
                    HandleAsyncHandlerCompleted(completed);
                    break;
                case Watch watch:
                    AddWatcher(watch.Watchee, watch.Watcher);
                    break;
                case Unwatch unwatch:
                    RemoveWatcher(unwatch.Watchee, unwatch.Watcher);
                    break;
                case DeathWatchNotification notification:
                    WatchedActorTerminated(notification.Actor, notification.ExistenceConfirmed);
                    break;
                case Failed failed:
                    HandleFailed(failed);
                    break;
                case Recreate recreate:
                    FaultRecreate(recreate.Cause);
                    break;
                case Resume resume:
                    FaultResume(resume.CausedByFailure);
                    break;
                case Dispatch.SysMsg.Terminate:
                    Terminate();
                    break;
                default:
                    Debug.Fail($"Unknown system message {message}");
                    break;
            }
        }
        catch (Exception ex)
        {
            HandleInvokeFailure(ex, null);
        }
    }

    private void AutoReceiveMessage(object message)
    {
        switch (message)
        {
            case Terminated terminated:
                ReceivedTerminated(terminated);
                break;
            case PoisonPill:
                _self.Stop();
                break;
            case Kill:
                throw new ActorKilledException("Kill");
            default:
                ReceiveMessage(message);
                break;
        }
    }

    private void ReceiveMessage(object message)
    {
        if (message is TimerScheduler.TimerMsg timerMsg)
        {
            // Stale generations (cancelled or restarted timers, earlier incarnations) are dropped here.
            if (_timers is null || !_timers.TryIntercept(timerMsg, out message))
            {
                return;
            }
        }

        var actor = _actor;
        if (actor is null)
        {
            // Only reachable if a user message slips in while the actor failed to be created.
            _system.PublishDeadLetter(message, Sender, _self);
            return;
        }

        actor.AroundReceive(message);
    }

    private ActorBase CreateInstance()
    {
        _isConstructing = true;
        ActorBase instance;
        try
        {
            instance = _props.NewActor();
        }
        finally
        {
            _isConstructing = false;
        }

        _taskScheduler = null;
        _timers = null;
        if (instance is IWithTimers withTimers)
        {
            _timers = new TimerScheduler(this);
            withTimers.Timers = _timers;
        }

        if (instance is IWithStash withStash)
        {
            _stash = new UnboundedStash(this);
            withStash.Stash = _stash;
        }

        _actor = instance;
        return instance;
    }

    private void ClearActor()
    {
        _timers?.CancelAll();
        _timers = null;
        _taskScheduler = null;
        _actor = null;
    }

    public void Become(Receive receive) => _actor?.BecomeInternal(receive);

    internal void Publish(LogEvent logEvent) => _system.EventStream.Publish(logEvent);

    public override string ToString() => $"ActorCell[{_self.Path}]";
}
