namespace Coordinator.Kernel.Actor;

/// <summary>Something a message can be sent to.</summary>
public interface ICanTell
{
    /// <summary>Sends <paramref name="message"/> asynchronously. Never throws; undeliverable messages become dead letters.</summary>
    void Tell(object message, IActorRef? sender);
}

/// <summary>An immutable, shareable handle to an actor.</summary>
public interface IActorRef : ICanTell, IEquatable<IActorRef>
{
    /// <summary>The actor's path.</summary>
    ActorPath Path { get; }
}

/// <summary>Well-known references.</summary>
public static class ActorRefs
{
    /// <summary>"No sender": the receiver's <c>Sender</c> becomes dead letters.</summary>
    public static readonly IActorRef? NoSender = null;

    /// <summary>A reference to no actor; messages sent to it are dropped.</summary>
    public static readonly IActorRef Nobody = Internal.Nobody.Instance;
}
