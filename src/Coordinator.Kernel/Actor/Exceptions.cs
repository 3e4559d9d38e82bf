namespace Coordinator.Kernel.Actor;

/// <summary>Base of the kernel's actor exceptions.</summary>
public class AkkaException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AkkaException(string message, Exception? cause = null)
        : base(message, cause)
    {
    }
}

/// <summary>
/// A failure in an actor's constructor or <c>PreStart</c>. The default decider stops the actor.
/// The original exception is the <see cref="Exception.InnerException"/>.
/// </summary>
public class ActorInitializationException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public ActorInitializationException(IActorRef? actor, string message, Exception? cause = null)
        : base(message, cause)
    {
        Actor = actor;
    }

    /// <summary>Creates the exception.</summary>
    public ActorInitializationException(string message)
        : this(null, message)
    {
    }

    /// <summary>The actor that failed to initialize.</summary>
    public IActorRef? Actor { get; }
}

/// <summary>A failure while re-creating an actor during a restart (the new instance's ctor, PostRestart or PreStart).</summary>
public sealed class PostRestartException : ActorInitializationException
{
    /// <summary>Creates the exception.</summary>
    public PostRestartException(IActorRef actor, Exception cause, Exception originalCause)
        : base(actor, $"Exception post restart ({originalCause.GetType().Name})", cause)
    {
        OriginalCause = originalCause;
    }

    /// <summary>The failure that caused the restart.</summary>
    public Exception OriginalCause { get; }
}

/// <summary>A failure in <c>PreRestart</c>; published and ignored, the restart continues.</summary>
public sealed class PreRestartException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public PreRestartException(IActorRef actor, Exception restartException, Exception cause, object? optionalMessage)
        : base($"Exception pre restart ({cause.GetType().Name}, {optionalMessage})", restartException)
    {
        Actor = actor;
        OriginalCause = cause;
    }

    /// <summary>The actor.</summary>
    public IActorRef Actor { get; }

    /// <summary>The failure that caused the restart.</summary>
    public Exception OriginalCause { get; }
}

/// <summary>Thrown by an actor that received <see cref="Kill"/>.</summary>
public sealed class ActorKilledException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public ActorKilledException(string message)
        : base(message)
    {
    }
}

/// <summary>Thrown when an actor does not handle a <see cref="Terminated"/> of an actor it watched.</summary>
public sealed class DeathPactException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public DeathPactException(IActorRef deadActor)
        : base($"Monitored actor [{deadActor}] terminated")
    {
        DeadActor = deadActor;
    }

    /// <summary>The watched actor that terminated.</summary>
    public IActorRef DeadActor { get; }
}

/// <summary>An invalid or duplicate actor name.</summary>
public sealed class InvalidActorNameException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public InvalidActorNameException(string message)
        : base(message)
    {
    }
}

/// <summary>An <c>Ask</c> got no reply in time.</summary>
public sealed class AskTimeoutException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public AskTimeoutException(string message)
        : base(message)
    {
    }
}

/// <summary>An actor API used in a state where it is not allowed.</summary>
public sealed class IllegalActorStateException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public IllegalActorStateException(string message)
        : base(message)
    {
    }
}
