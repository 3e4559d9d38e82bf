using Coordinator.Kernel.Actor;

namespace Coordinator.Kernel.Pattern;

/// <summary>Backoff supervision: props factory, control messages and the delay formula.</summary>
public static class BackoffSupervisor
{
    /// <summary>Props of a backoff supervisor.</summary>
    public static Props Props(BackoffOptions options) => options.Props();

    /// <summary>
    /// <c>min(maxBackoff, minBackoff·2^restartCount)·(1 + random·randomFactor)</c> with a uniform random in [0, 1).
    /// </summary>
    public static TimeSpan CalculateDelay(int restartCount, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        CalculateDelay(restartCount, minBackoff, maxBackoff, randomFactor, Random.Shared.NextDouble());

    internal static TimeSpan CalculateDelay(int restartCount, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, double random)
    {
        var jitter = 1.0 + (random * randomFactor);

        // 2^n overflows long ticks long before n = 64; past 30 doublings anything sane is capped anyway.
        var exponential = restartCount >= 30 ? maxBackoff.Ticks : Math.Min(maxBackoff.Ticks, minBackoff.Ticks * Math.Pow(2, restartCount));
        var ticks = exponential * jitter;
        return ticks >= TimeSpan.MaxValue.Ticks ? maxBackoff : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Ask for the current child; the reply is <see cref="CurrentChild"/>.</summary>
    public sealed class GetCurrentChild
    {
        private GetCurrentChild()
        {
        }

        /// <summary>The instance.</summary>
        public static GetCurrentChild Instance { get; } = new();
    }

    /// <summary>The current child, or <see cref="ActorRefs.Nobody"/> while it is down.</summary>
    public sealed record CurrentChild(IActorRef Ref);

    /// <summary>Resets the restart count (with <see cref="BackoffOptions.WithManualReset"/>).</summary>
    public sealed class Reset
    {
        private Reset()
        {
        }

        /// <summary>The instance.</summary>
        public static Reset Instance { get; } = new();
    }

    /// <summary>Ask for the restart count; the reply is <see cref="RestartCount"/>.</summary>
    public sealed class GetRestartCount
    {
        private GetRestartCount()
        {
        }

        /// <summary>The instance.</summary>
        public static GetRestartCount Instance { get; } = new();
    }

    /// <summary>The number of restarts since the last reset.</summary>
    public sealed record RestartCount(int Count);

    internal sealed class StartChild
    {
        public static readonly StartChild Instance = new();
    }

    internal sealed record ResetRestartCount(int Current);
}
