namespace Coordinator.Kernel.Actor;

/// <summary>Implemented by actors that stash; the kernel sets <see cref="Stash"/> right after construction.</summary>
public interface IWithStash
{
    /// <summary>The actor's stash.</summary>
    IStash Stash { get; set; }
}

/// <summary>Akka's name for an unbounded stash; the same as <see cref="IWithStash"/>.</summary>
public interface IWithUnboundedStash : IWithStash
{
}

/// <summary>Messages set aside to be processed later. Use only on the actor's own turn.</summary>
public interface IStash
{
    /// <summary>Number of stashed messages.</summary>
    int Count { get; }

    /// <summary>Stashes the message being processed.</summary>
    void Stash();

    /// <summary>Puts the oldest stashed message back at the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts all stashed messages back at the front of the mailbox, in their original order.</summary>
    void UnstashAll();

    /// <summary>Puts the stashed messages matching <paramref name="predicate"/> back; the others are kept.</summary>
    void UnstashAll(Func<Envelope, bool> predicate);

    /// <summary>Empties the stash and returns what it held.</summary>
    IEnumerable<Envelope> ClearStash();
}
