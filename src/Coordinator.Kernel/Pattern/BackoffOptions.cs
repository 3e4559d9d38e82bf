using Coordinator.Kernel.Actor;

namespace Coordinator.Kernel.Pattern;

/// <summary>Entry point for backoff options.</summary>
public static class Backoff
{
    /// <summary>
    /// Options for a supervisor that, when the child fails with a Restart decision, stops it and starts a new
    /// one after <c>min(maxBackoff, minBackoff·2ⁿ)·(1 + random·randomFactor)</c> (n = restarts so far).
    /// </summary>
    /// <param name="childProps">Props of the child.</param>
    /// <param name="childName">Name of the child (the same for every incarnation).</param>
    /// <param name="minBackoff">First delay.</param>
    /// <param name="maxBackoff">Cap of the exponential part.</param>
    /// <param name="randomFactor">Jitter: 0 for none, 0.2 for up to +20 %.</param>
    /// <param name="maxNrOfRetries">Restarts allowed before the supervisor stops itself; -1 = unlimited.</param>
    public static BackoffOptions OnFailure(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries = -1)
    {
        ArgumentNullException.ThrowIfNull(childProps);
        ArgumentException.ThrowIfNullOrEmpty(childName);
        if (minBackoff <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(minBackoff), "minBackoff must be positive.");
        }

        if (maxBackoff < minBackoff)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBackoff), "maxBackoff must be at least minBackoff.");
        }

        if (randomFactor is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(randomFactor), "randomFactor must be between 0 and 1.");
        }

        return new BackoffOptions(childProps, childName, minBackoff, maxBackoff, randomFactor, maxNrOfRetries, null, false, SupervisorStrategy.DefaultStrategy, null);
    }
}

/// <summary>Immutable options of a backoff supervisor.</summary>
public sealed record BackoffOptions
{
    internal BackoffOptions(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries, TimeSpan? autoReset, bool manualReset, SupervisorStrategy strategy, object? replyWhileStopped)
    {
        ChildProps = childProps;
        ChildName = childName;
        MinBackoff = minBackoff;
        MaxBackoff = maxBackoff;
        RandomFactor = randomFactor;
        MaxNrOfRetries = maxNrOfRetries;
        AutoReset = autoReset;
        ManualReset = manualReset;
        Strategy = strategy;
        ReplyWhileStopped = replyWhileStopped;
    }

    /// <summary>Props of the child.</summary>
    public Props ChildProps { get; init; }

    /// <summary>Name of the child.</summary>
    public string ChildName { get; init; }

    /// <summary>First delay.</summary>
    public TimeSpan MinBackoff { get; init; }

    /// <summary>Cap of the exponential part of the delay.</summary>
    public TimeSpan MaxBackoff { get; init; }

    /// <summary>Jitter factor.</summary>
    public double RandomFactor { get; init; }

    /// <summary>Restart budget; -1 = unlimited.</summary>
    public int MaxNrOfRetries { get; init; }

    /// <summary>After the child has run this long without failing, the restart count goes back to 0.</summary>
    public TimeSpan? AutoReset { get; init; }

    /// <summary>True if the count is reset only by <see cref="BackoffSupervisor.Reset"/>.</summary>
    public bool ManualReset { get; init; }

    /// <summary>Decides which failures restart (Restart → stop, wait, start anew); Stop stops the supervisor too.</summary>
    public SupervisorStrategy Strategy { get; init; }

    /// <summary>Reply to messages arriving while there is no child (null: they become dead letters).</summary>
    public object? ReplyWhileStopped { get; init; }

    /// <summary>Resets the restart count after the child ran <paramref name="resetBackoff"/> without failing.</summary>
    public BackoffOptions WithAutoReset(TimeSpan resetBackoff) => this with { AutoReset = resetBackoff, ManualReset = false };

    /// <summary>Resets the restart count only on <see cref="BackoffSupervisor.Reset"/>.</summary>
    public BackoffOptions WithManualReset() => this with { AutoReset = null, ManualReset = true };

    /// <summary>Uses the decider of <paramref name="strategy"/>.</summary>
    public BackoffOptions WithSupervisorStrategy(OneForOneStrategy strategy) => this with { Strategy = strategy };

    /// <summary>Replies with <paramref name="replyWhileStopped"/> to messages that arrive while there is no child.</summary>
    public BackoffOptions WithReplyWhileStopped(object replyWhileStopped) => this with { ReplyWhileStopped = replyWhileStopped };

    /// <summary>Props of the supervisor.</summary>
    public Props Props() => Actor.Props.Create(() => new BackoffOnFailureSupervisor(this));
}
