using Akka.Configuration;

namespace Coordinator.Actors;

/// <summary>
/// The actors' settings: immutable, built from the "coordinator" section of the same <see cref="Config"/> that
/// creates the actor system (<see cref="FromConfig"/>). Defaults equal config/akka.hocon's, so a missing section
/// behaves like the shipped file; tests and hosts derive variants with <c>with</c>.
/// </summary>
public sealed record CoordinatorSettings
{
    public static CoordinatorSettings Default { get; } = new();

    /// <summary>coordinator.session.dispatcher: pinned, one thread per components object.</summary>
    public string SessionDispatcher { get; init; } = DispatcherConfig.SessionDispatcherId;

    /// <summary>
    /// coordinator.gate.dispatcher: the host-wide SnapshotGate's. The calling-thread dispatcher by default: a release
    /// then grants the next session on the releasing thread, one thread wake-up per hand-off instead of two. The gate
    /// never blocks, which that dispatcher needs.
    /// </summary>
    public string GateDispatcher { get; init; } = DispatcherConfig.GateDispatcherId;

    /// <summary>coordinator.session.timeouts.</summary>
    public OperationTimeouts Timeouts { get; init; } = new();

    /// <summary>coordinator.retry.</summary>
    public RetrySettings Retry { get; init; } = new();

    /// <summary>coordinator.job.</summary>
    public JobSettings Job { get; init; } = new();

    /// <summary>Reads <c>coordinator.*</c> from a whole config (the actor system's); absent keys keep their defaults.</summary>
    /// <exception cref="ConfigurationException">A value is malformed; the message names its path.</exception>
    public static CoordinatorSettings FromConfig(Config config)
    {
        var c = new ConfigReader(config, "coordinator");
        var defaults = Default;
        return new CoordinatorSettings
        {
            SessionDispatcher = c.Dispatcher("session.dispatcher", defaults.SessionDispatcher),
            GateDispatcher = c.Dispatcher("gate.dispatcher", defaults.GateDispatcher),
            Timeouts = OperationTimeouts.FromConfig(c.Section("session.timeouts")),
            Retry = RetrySettings.FromConfig(c.Section("retry")),
            Job = JobSettings.FromConfig(c.Section("job")),
        };
    }
}

/// <summary>Deadline of each asynchronous VSS operation.</summary>
public sealed record OperationTimeouts
{
    public TimeSpan GatherWriterMetadata { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan PrepareForBackup { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan DoSnapshotSet { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan BackupComplete { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan GatherWriterStatus { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long one IVssAsync.Wait blocks before the session looks at cancellation and the deadline again. Wait
    /// returns as soon as the operation completes, so this bounds only how late a cancellation is noticed.
    /// </summary>
    public TimeSpan WaitSlice { get; init; } = TimeSpan.FromMilliseconds(20);

    public TimeSpan For(string operation) => operation switch
    {
        "GatherWriterMetadata" => GatherWriterMetadata,
        "PrepareForBackup" => PrepareForBackup,
        "DoSnapshotSet" => DoSnapshotSet,
        "BackupComplete" => BackupComplete,
        "GatherWriterStatus" => GatherWriterStatus,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "not an asynchronous VSS operation"),
    };

    internal static OperationTimeouts FromConfig(ConfigReader c)
    {
        var d = new OperationTimeouts();
        return new OperationTimeouts
        {
            GatherWriterMetadata = c.Positive("gather-writer-metadata", d.GatherWriterMetadata, DurationLimits.JobTimeout),
            PrepareForBackup = c.Positive("prepare-for-backup", d.PrepareForBackup, DurationLimits.JobTimeout),
            DoSnapshotSet = c.Positive("do-snapshot-set", d.DoSnapshotSet, DurationLimits.JobTimeout),
            BackupComplete = c.Positive("backup-complete", d.BackupComplete, DurationLimits.JobTimeout),
            GatherWriterStatus = c.Positive("gather-writer-status", d.GatherWriterStatus, DurationLimits.JobTimeout),
            WaitSlice = c.Positive("wait-slice", d.WaitSlice, DurationLimits.WaitSlice),
        };
    }
}

/// <summary>Bounded exponential backoff with jitter for session retries.</summary>
public sealed record RetrySettings
{
    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    public double RandomFactor { get; init; } = 0.2;

    /// <summary>Base delay before retrying StartSnapshotSet after another requester's VSS_E_SNAPSHOT_SET_IN_PROGRESS.</summary>
    public TimeSpan SnapshotInProgressDelay { get; init; } = TimeSpan.FromSeconds(1);

    internal static RetrySettings FromConfig(ConfigReader c)
    {
        var d = new RetrySettings();
        return new RetrySettings
        {
            MaxAttempts = c.Int("max-attempts", d.MaxAttempts, min: 1),
            MinBackoff = c.Positive("min-backoff", d.MinBackoff, DurationLimits.RetryDelay),
            MaxBackoff = c.Positive("max-backoff", d.MaxBackoff, DurationLimits.RetryDelay),
            RandomFactor = c.Double("random-factor", d.RandomFactor, min: 0, max: 1),
            SnapshotInProgressDelay = c.Positive("snapshot-in-progress-delay", d.SnapshotInProgressDelay, DurationLimits.RetryDelay),
        };
    }
}

public enum OversizePolicy
{
    /// <summary>More than 64 volumes: refuse the job.</summary>
    Refuse,

    /// <summary>More than 64 volumes: split into several snapshot sets of at most 64.</summary>
    Split,
}

public sealed record JobSettings
{
    public OversizePolicy OversizePolicy { get; init; } = OversizePolicy.Refuse;

    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromMinutes(30);

    internal static JobSettings FromConfig(ConfigReader c)
    {
        var d = new JobSettings();
        return new JobSettings
        {
            OversizePolicy = c.Enum("oversize-policy", d.OversizePolicy),
            DefaultTimeout = c.Positive("default-timeout", d.DefaultTimeout, DurationLimits.JobTimeout),
        };
    }
}
