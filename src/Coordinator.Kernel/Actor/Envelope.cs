namespace Coordinator.Kernel.Actor;

/// <summary>A user message and its sender, as held in a mailbox. A struct, so enqueuing does not allocate.</summary>
public readonly struct Envelope
{
    /// <summary>Creates an envelope.</summary>
    public Envelope(object message, IActorRef sender)
    {
        Message = message;
        Sender = sender;
    }

    /// <summary>The message.</summary>
    public object Message { get; }

    /// <summary>The sender (dead letters when there was none).</summary>
    public IActorRef Sender { get; }

    /// <inheritdoc />
    public override string ToString() => $"<{Message}> from {Sender}";
}
