namespace Coordinator.Kernel.Actor;

/// <summary>Messages the actor cell handles itself before the actor's behaviour sees them.</summary>
public interface IAutoReceivedMessage
{
}

/// <summary>Marker for messages that are not published as <c>DeadLetter</c> when undeliverable.</summary>
public interface IDeadLetterSuppression
{
}

/// <summary>Stops the actor when processed. A user message: it is processed in order, after earlier messages.</summary>
public sealed class PoisonPill : IAutoReceivedMessage
{
    private PoisonPill()
    {
    }

    /// <summary>The singleton instance.</summary>
    public static PoisonPill Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "<PoisonPill>";
}

/// <summary>Makes the actor throw <see cref="ActorKilledException"/> when processed (default decider: Stop).</summary>
public sealed class Kill : IAutoReceivedMessage
{
    private Kill()
    {
    }

    /// <summary>The singleton instance.</summary>
    public static Kill Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "<Kill>";
}

/// <summary>Delivered to a watcher, once, when a watched actor has terminated.</summary>
public sealed class Terminated : IAutoReceivedMessage, IDeadLetterSuppression, IEquatable<Terminated>
{
    /// <summary>Creates the message.</summary>
    public Terminated(IActorRef actorRef, bool existenceConfirmed, bool addressTerminated)
    {
        ActorRef = actorRef;
        ExistenceConfirmed = existenceConfirmed;
        AddressTerminated = addressTerminated;
    }

    /// <summary>The terminated actor.</summary>
    public IActorRef ActorRef { get; }

    /// <summary>False when the actor was already gone when the watch was established.</summary>
    public bool ExistenceConfirmed { get; }

    /// <summary>Always false in this kernel (no remoting).</summary>
    public bool AddressTerminated { get; }

    /// <inheritdoc />
    public bool Equals(Terminated? other) => other is not null && other.ActorRef.Equals(ActorRef);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Terminated t && Equals(t);

    /// <inheritdoc />
    public override int GetHashCode() => ActorRef.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => $"<Terminated>: {ActorRef} - ExistenceConfirmed={ExistenceConfirmed}";
}

/// <summary>Conventional replies carrying success or failure.</summary>
public abstract class Status
{
    private Status()
    {
    }

    /// <summary>Success, with an optional payload.</summary>
    public sealed class Success : Status
    {
        /// <summary>Creates the message.</summary>
        public Success(object? status)
        {
            Status = status;
        }

        /// <summary>The payload.</summary>
        public object? Status { get; }

        /// <inheritdoc />
        public override string ToString() => $"Success: {Status}";
    }

    /// <summary>Failure; an <c>Ask</c> receiving it faults with <see cref="Cause"/>.</summary>
    public sealed class Failure : Status
    {
        /// <summary>Creates the message.</summary>
        public Failure(Exception cause, object? state = null)
        {
            Cause = cause;
            State = state;
        }

        /// <summary>The cause.</summary>
        public Exception Cause { get; }

        /// <summary>Optional state.</summary>
        public object? State { get; }

        /// <inheritdoc />
        public override string ToString() => $"Failure: {Cause}";
    }
}
