using Coordinator.Kernel.Actor;
using Coordinator.Kernel.Actor.Internal;
using Coordinator.Kernel.Dispatch.SysMsg;

namespace Coordinator.Kernel.TestKit;

/// <summary>An extra test actor with its own expectations. A probe is itself an <see cref="IActorRef"/>.</summary>
public sealed class TestProbe : TestKitBase, IInternalActorRef
{
    internal TestProbe(ActorSystem system, string name)
        : base(system, name)
    {
    }

    /// <summary>The probe's actor.</summary>
    public IActorRef Ref => TestActor;

    /// <summary>Sender of the last message received.</summary>
    public IActorRef Sender => LastSender;

    /// <inheritdoc />
    public ActorPath Path => TestActor.Path;

    bool IInternalActorRef.IsTerminated => ((IInternalActorRef)TestActor).IsTerminated;

    ActorSystem? IInternalActorRef.System => Sys;

    /// <summary>Replies to the sender of the last message, with the probe as sender.</summary>
    public void Reply(object message) => LastSender.Tell(message, TestActor);

    /// <summary>Forwards the last message (or <paramref name="message"/>) to <paramref name="actor"/>, keeping its original sender.</summary>
    public void Forward(IActorRef actor, object? message = null) =>
        actor.Tell(message ?? LastMessage ?? throw new InvalidOperationException("No message received yet."), LastSender);

    /// <summary>Sends <paramref name="message"/> to <paramref name="actor"/> with the probe as sender.</summary>
    public void Send(IActorRef actor, object message) => actor.Tell(message, TestActor);

    /// <inheritdoc />
    public void Tell(object message, IActorRef? sender) => TestActor.Tell(message, sender);

    void IInternalActorRef.SendSystemMessage(SystemMessage message) => ((IInternalActorRef)TestActor).SendSystemMessage(message);

    void IInternalActorRef.Stop() => ((IInternalActorRef)TestActor).Stop();

    /// <inheritdoc />
    public bool Equals(IActorRef? other) => TestActor.Equals(other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => TestActor.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => $"TestProbe{TestActor}";
}
