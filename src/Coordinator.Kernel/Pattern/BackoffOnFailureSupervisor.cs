using Coordinator.Kernel.Actor;

namespace Coordinator.Kernel.Pattern;

/// <summary>
/// INTERNAL API. The backoff supervisor of <see cref="Backoff.OnFailure"/>, built from Watch and timers: a Restart
/// decision becomes "stop the child, wait for its Terminated, start a new one after the backoff delay", so every
/// incarnation is a fresh instance (PostStop of the old one has run).
/// </summary>
internal sealed class BackoffOnFailureSupervisor : ActorBase, IWithTimers
{
    private const string StartChildKey = "backoff-start-child";
    private const string ResetKey = "backoff-reset";

    private readonly BackoffOptions _options;
    private IActorRef? _child;
    private int _restartCount;
    private bool _restartRequested;

    public BackoffOnFailureSupervisor(BackoffOptions options)
    {
        _options = options;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() => StartChild();

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(null, null, Decider.From(cause =>
        {
            var directive = _options.Strategy.Decider.Decide(cause);
            if (directive == Directive.Restart)
            {
                _restartRequested = true;
                return Directive.Stop;
            }

            return directive;
        }));

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case Terminated terminated when _child is not null && terminated.ActorRef.Equals(_child):
                OnChildTerminated();
                return true;
            case BackoffSupervisor.StartChild:
                StartChild();
                return true;
            case BackoffSupervisor.ResetRestartCount reset:
                // Stale when the child failed again since the reset was scheduled.
                if (reset.Current == _restartCount)
                {
                    _restartCount = 0;
                }

                return true;
            case BackoffSupervisor.Reset:
                if (!_options.ManualReset)
                {
                    return false;
                }

                _restartCount = 0;
                return true;
            case BackoffSupervisor.GetCurrentChild:
                Sender.Tell(new BackoffSupervisor.CurrentChild(_child ?? ActorRefs.Nobody), Self);
                return true;
            case BackoffSupervisor.GetRestartCount:
                Sender.Tell(new BackoffSupervisor.RestartCount(_restartCount), Self);
                return true;
            default:
                if (_child is not null)
                {
                    _child.Forward(message);
                }
                else if (_options.ReplyWhileStopped is { } reply)
                {
                    Sender.Tell(reply, Self);
                }
                else
                {
                    Context.System.DeadLetters.Forward(message);
                }

                return true;
        }
    }

    private void StartChild()
    {
        if (_child is not null)
        {
            return;
        }

        _child = Context.Watch(Context.ActorOf(_options.ChildProps, _options.ChildName));
        if (_options.AutoReset is { } resetAfter && _restartCount > 0)
        {
            Timers.StartSingleTimer(ResetKey, new BackoffSupervisor.ResetRestartCount(_restartCount), resetAfter);
        }
    }

    private void OnChildTerminated()
    {
        _child = null;
        if (!_restartRequested)
        {
            // The child stopped for good (by itself or by a Stop decision): so does the supervisor.
            Context.Stop(Self);
            return;
        }

        _restartRequested = false;
        if (_options.MaxNrOfRetries >= 0 && _restartCount >= _options.MaxNrOfRetries)
        {
            Context.Stop(Self);
            return;
        }

        var delay = BackoffSupervisor.CalculateDelay(_restartCount, _options.MinBackoff, _options.MaxBackoff, _options.RandomFactor);
        _restartCount++;
        Timers.StartSingleTimer(StartChildKey, BackoffSupervisor.StartChild.Instance, delay);
    }
}
