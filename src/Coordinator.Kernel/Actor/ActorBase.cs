using Coordinator.Kernel.Event;

namespace Coordinator.Kernel.Actor;

/// <summary>A behaviour: returns false for messages it does not handle.</summary>
public delegate bool Receive(object message);

/// <summary>
/// Base of all actors. Instances are created only by the kernel (through <see cref="Props"/>); the constructor
/// throws <see cref="ActorInitializationException"/> when called directly.
/// </summary>
public abstract partial class ActorBase
{
    private readonly ActorCell _cell;
    private Receive _behaviour;
    private SupervisorStrategy? _supervisorStrategy;

    /// <summary>Binds the instance to the cell that is creating it.</summary>
    protected ActorBase()
    {
        var cell = ActorCell.Current;
        if (cell is null || !cell.TryClaimConstruction())
        {
            throw new ActorInitializationException(
                $"You cannot create an instance of [{GetType()}] explicitly using the constructor (new). You have to use one of the 'ActorOf' methods to create a new actor.");
        }

        _cell = cell;
        _behaviour = Receive;
    }

    /// <summary>The context of the actor whose turn is running on this thread.</summary>
    /// <exception cref="NotSupportedException">Used outside an actor turn (e.g. after <c>ConfigureAwait(false)</c>).</exception>
    protected static IActorContext Context =>
        ActorCell.Current ?? throw new NotSupportedException("There is no active ActorContext, this is most likely due to use of async operations from within this actor.");

    /// <summary>This actor.</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>Sender of the message being processed.</summary>
    protected IActorRef Sender => _cell.Sender;

    internal ActorCell Cell => _cell;

    internal SupervisorStrategy SupervisorStrategyInternal => _supervisorStrategy ??= SupervisorStrategy();

    /// <summary>The initial behaviour.</summary>
    protected abstract bool Receive(object message);

    /// <summary>
    /// Called for messages no behaviour handled: throws <see cref="DeathPactException"/> for <see cref="Terminated"/>,
    /// otherwise publishes <see cref="UnhandledMessage"/>.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException(terminated.ActorRef);
        }

        _cell.System.EventStream.Publish(new UnhandledMessage(message, _cell.Sender, _cell.Self));
    }

    /// <summary>Replaces the behaviour.</summary>
    protected void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _behaviour = receive;
    }

    /// <summary>
    /// Runs an async action with ReceiveAsync semantics: user messages wait until it completes, its awaits resume
    /// on this actor's turn, and a fault goes to the supervisor.
    /// </summary>
    protected void RunTask(Func<Task> action) => _cell.RunAsync(action);

    /// <summary>Strategy for this actor's children (default: <see cref="Actor.SupervisorStrategy.DefaultStrategy"/>).</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Actor.SupervisorStrategy.DefaultStrategy;

    internal void AroundReceive(object message)
    {
        if (!_behaviour(message))
        {
            Unhandled(message);
        }
    }

    internal void BecomeInternal(Receive receive) => _behaviour = receive;
}
