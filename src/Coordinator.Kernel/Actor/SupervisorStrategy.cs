using Coordinator.Kernel.Event;

namespace Coordinator.Kernel.Actor;

/// <summary>Maps an exception to a <see cref="Directive"/>.</summary>
public interface IDecider
{
    /// <summary>The directive for <paramref name="cause"/>.</summary>
    Directive Decide(Exception cause);
}

/// <summary>Decider helpers.</summary>
public static class Decider
{
    /// <summary>A decider from a function.</summary>
    public static IDecider From(Func<Exception, Directive> decider) => new FuncDecider(decider);

    private sealed class FuncDecider(Func<Exception, Directive> decider) : IDecider
    {
        public Directive Decide(Exception cause) => decider(cause);
    }
}

/// <summary>How a parent handles its children's failures.</summary>
public abstract class SupervisorStrategy
{
    /// <summary>
    /// Akka's default decider: <see cref="ActorInitializationException"/>, <see cref="ActorKilledException"/> and
    /// <see cref="DeathPactException"/> stop the child; anything else restarts it.
    /// </summary>
    public static readonly IDecider DefaultDecider = Actor.Decider.From(DefaultDecision);

    /// <summary>One-for-one, unlimited restarts, <see cref="DefaultDecider"/>.</summary>
    public static readonly SupervisorStrategy DefaultStrategy = new OneForOneStrategy(DefaultDecider);

    /// <summary>Stops the child on any failure.</summary>
    public static readonly SupervisorStrategy StoppingStrategy = new OneForOneStrategy(_ => Directive.Stop);

    /// <summary>The decider.</summary>
    public abstract IDecider Decider { get; }

    /// <summary>Whether failures are published as log events.</summary>
    protected virtual bool LoggingEnabled => true;

    /// <summary>Applies the strategy; false means escalate.</summary>
    internal abstract bool HandleFailure(ActorCell parent, ChildRestartStats child, Exception cause);

    /// <summary>Publishes the failure (Error for Restart/Stop, Warning for Resume, nothing for Escalate).</summary>
    internal void LogFailure(ActorCell parent, IActorRef child, Exception cause, Directive directive)
    {
        if (!LoggingEnabled)
        {
            return;
        }

        var source = child.Path.ToString();
        var actorType = typeof(SupervisorStrategy);
        switch (directive)
        {
            case Directive.Resume:
                parent.Publish(new Warning(source, actorType, cause.Message) { Cause = cause });
                break;
            case Directive.Escalate:
                break;
            default:
                parent.Publish(new Error(cause, source, actorType, cause.Message));
                break;
        }
    }

    private static Directive DefaultDecision(Exception cause) => cause switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };
}

/// <summary>Applies the directive to the failed child only, with a retry budget per child.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    private readonly bool _loggingEnabled;

    /// <summary>Creates the strategy.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed (within the window if one is given); 0 = never restart; null or negative = unlimited.</param>
    /// <param name="withinTimeRange">Window for the budget; null = no window (a lifetime budget).</param>
    /// <param name="decider">Maps exceptions to directives.</param>
    public OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
        : this(maxNrOfRetries, withinTimeRange, Actor.Decider.From(decider))
    {
    }

    /// <summary>Creates the strategy.</summary>
    public OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, IDecider decider, bool loggingEnabled = true)
    {
        MaxNumberOfRetries = maxNrOfRetries ?? -1;
        WithinTimeRange = withinTimeRange ?? TimeSpan.Zero;
        Decider = decider;
        _loggingEnabled = loggingEnabled;
    }

    /// <summary>Creates the strategy with unlimited restarts.</summary>
    public OneForOneStrategy(Func<Exception, Directive> decider)
        : this(null, null, decider)
    {
    }

    /// <summary>Creates the strategy with unlimited restarts.</summary>
    public OneForOneStrategy(IDecider decider)
        : this(null, null, decider)
    {
    }

    /// <summary>Restart budget; -1 = unlimited.</summary>
    public int MaxNumberOfRetries { get; }

    /// <summary>Window of the budget; zero = none.</summary>
    public TimeSpan WithinTimeRange { get; }

    /// <inheritdoc />
    public override IDecider Decider { get; }

    /// <inheritdoc />
    protected override bool LoggingEnabled => _loggingEnabled;

    internal override bool HandleFailure(ActorCell parent, ChildRestartStats child, Exception cause)
    {
        var directive = Decider.Decide(cause);
        LogFailure(parent, child.Child, cause, directive);
        switch (directive)
        {
            case Directive.Resume:
                child.Child.SendSystemMessage(new Dispatch.SysMsg.Resume(cause));
                return true;
            case Directive.Restart:
                if (child.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange, parent.System.TimeProvider))
                {
                    child.Child.SendSystemMessage(new Dispatch.SysMsg.Recreate(cause));
                }
                else
                {
                    // Budget exhausted: Stop, not Escalate (Akka's rule).
                    parent.Stop(child.Child);
                }

                return true;
            case Directive.Stop:
                parent.Stop(child.Child);
                return true;
            default:
                return false;
        }
    }
}
