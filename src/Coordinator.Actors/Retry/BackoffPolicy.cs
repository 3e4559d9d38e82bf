namespace Coordinator.Actors.Retry;

/// <summary>
/// Bounded exponential backoff with jitter, Akka's formula: min(max, min·2ⁿ)·(1 + r·f) where n is the number of
/// retries so far, r uniform in [0, 1) and f the random factor. Jitter keeps concurrent jobs that failed together
/// from retrying in lock-step against the same writers.
/// </summary>
internal sealed class BackoffPolicy(TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, Func<double>? random = null)
{
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    public static BackoffPolicy From(RetrySettings settings, Func<double>? random = null) =>
        new(settings.MinBackoff, settings.MaxBackoff, settings.RandomFactor, random);

    /// <param name="retryNumber">0 for the first retry.</param>
    public TimeSpan Delay(int retryNumber)
    {
        var exponent = Math.Min(retryNumber, 30);
        var baseTicks = Math.Min(maxBackoff.Ticks, minBackoff.Ticks * Math.Pow(2, exponent));
        var jittered = baseTicks * (1 + _random() * randomFactor);
        return TimeSpan.FromTicks((long)Math.Min(jittered, TimeSpan.MaxValue.Ticks));
    }
}
