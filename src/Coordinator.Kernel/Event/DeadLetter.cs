using Coordinator.Kernel.Actor;

namespace Coordinator.Kernel.Event;

/// <summary>A message that did not reach a behaviour that handled it (Akka's common base of dead letters and unhandled messages).</summary>
public abstract class AllDeadLetters
{
    /// <summary>Creates the event.</summary>
    protected AllDeadLetters(object message, IActorRef sender, IActorRef recipient)
    {
        Message = message;
        Sender = sender;
        Recipient = recipient;
    }

    /// <summary>The message.</summary>
    public object Message { get; }

    /// <summary>Its sender.</summary>
    public IActorRef Sender { get; }

    /// <summary>The intended recipient.</summary>
    public IActorRef Recipient { get; }
}

/// <summary>A message that could not be delivered (the recipient was dead or absent).</summary>
public sealed class DeadLetter(object message, IActorRef sender, IActorRef recipient) : AllDeadLetters(message, sender, recipient)
{
    /// <inheritdoc />
    public override string ToString() => $"DeadLetter from {Sender} to {Recipient}: <{Message}>";
}

/// <summary>A message that an actor's behaviour did not handle.</summary>
public sealed class UnhandledMessage(object message, IActorRef sender, IActorRef recipient) : AllDeadLetters(message, sender, recipient)
{
    /// <inheritdoc />
    public override string ToString() => $"Unhandled message from {Sender} to {Recipient}: <{Message}>";
}
