namespace Coordinator.Actors;

/// <summary>
/// The longest value each kind of duration may take, checked where it is read (the command line, the API, the config
/// file, the environment), so no duration reaches a timer or a wait that cannot take it. The hard limit is a .NET
/// timer's (2^32 - 2 ms, about 49.7 days) and, for a blocking wait, int.MaxValue ms (about 24.8 days); the limits
/// below stay well inside both. Documented in README.md ("Durations").
/// </summary>
public static class DurationLimits
{
    /// <summary>A job's deadline (--timeout, the API's "timeout", coordinator.job.default-timeout), and a VSS operation's.</summary>
    public static readonly TimeSpan JobTimeout = TimeSpan.FromDays(30);

    /// <summary>
    /// A retry delay (coordinator.retry.*). Jitter may double it, and a session blocks its thread for it, so it stays
    /// far below a blocking wait's limit.
    /// </summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromDays(1);

    /// <summary>How long one IVssAsync.Wait blocks before cancellation is looked at (coordinator.session.timeouts.wait-slice).</summary>
    public static readonly TimeSpan WaitSlice = TimeSpan.FromMinutes(1);

    /// <summary>How long shutdown waits for jobs to clean up (coordinator.server.shutdown-timeout).</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromDays(1);

    /// <summary>
    /// How long progress events may wait in memory for a shared commit (coordinator.journal-flush-interval). Meant to be
    /// milliseconds; the limit only keeps it within a timer's range (a test holds batches for minutes).
    /// </summary>
    public static readonly TimeSpan JournalFlushInterval = TimeSpan.FromHours(1);

    /// <summary>"30 days", "1 day", "1 minute": a limit as a message names it.</summary>
    public static string Describe(TimeSpan limit) => limit switch
    {
        { TotalDays: >= 1 } when limit.TotalDays == Math.Floor(limit.TotalDays) => limit.TotalDays == 1 ? "1 day" : $"{limit.TotalDays:0} days",
        { TotalHours: >= 1 } when limit.TotalHours == Math.Floor(limit.TotalHours) => limit.TotalHours == 1 ? "1 hour" : $"{limit.TotalHours:0} hours",
        _ => limit.TotalMinutes == 1 ? "1 minute" : $"{limit.TotalMinutes:0.##} minutes",
    };
}
