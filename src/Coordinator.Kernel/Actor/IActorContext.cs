using Coordinator.Kernel.Dispatch;

namespace Coordinator.Kernel.Actor;

/// <summary>Creates actors.</summary>
public interface IActorRefFactory
{
    /// <summary>Creates an actor; a null name gets a generated <c>$</c> name.</summary>
    IActorRef ActorOf(Props props, string? name = null);
}

/// <summary>
/// The actor's view of itself and its surroundings. Valid only on the actor's own turn (handlers,
/// lifecycle hooks and the continuations of async handlers).
/// </summary>
public interface IActorContext : IActorRefFactory
{
    /// <summary>This actor.</summary>
    IActorRef Self { get; }

    /// <summary>Sender of the message being processed (dead letters if none).</summary>
    IActorRef Sender { get; }

    /// <summary>The supervisor.</summary>
    IActorRef Parent { get; }

    /// <summary>The system.</summary>
    ActorSystem System { get; }

    /// <summary>The props this actor was created from.</summary>
    Props Props { get; }

    /// <summary>The actor's dispatcher.</summary>
    MessageDispatcher Dispatcher { get; }

    /// <summary>The child called <paramref name="name"/>, or <see cref="ActorRefs.Nobody"/>.</summary>
    IActorRef Child(string name);

    /// <summary>The current children.</summary>
    IEnumerable<IActorRef> GetChildren();

    /// <summary>Stops a child (or this actor) asynchronously.</summary>
    void Stop(IActorRef actor);

    /// <summary>Delivers one <see cref="Terminated"/> when <paramref name="subject"/> terminates (at once if it is already dead).</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Like <see cref="Watch"/>, delivering <paramref name="message"/> instead of <see cref="Terminated"/>.</summary>
    IActorRef WatchWith(IActorRef subject, object? message);

    /// <summary>Stops watching; a Terminated already queued is discarded.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Replaces the behaviour.</summary>
    void Become(Receive receive);
}
