namespace Coordinator.Actors;

/// <summary>
/// The actors' settings, from the "coordinator" section of config/akka.hocon. Defaults equal the file's,
/// so a missing section behaves like the shipped config.
/// </summary>
public sealed class CoordinatorSettings
{
    /// <summary>The dispatcher every SessionActor runs on: pinned, one thread per components object.</summary>
    public string SessionDispatcher { get; set; } = "akka.actor.vss-session-dispatcher";

    /// <summary>
    /// The dispatcher of the host-wide SnapshotGate. The kernel's calling-thread dispatcher by default: a release
    /// then grants the next session on the releasing thread, so the host's creation slot changes hands with one
    /// thread wake-up (the next session's) instead of two. The gate never blocks, which that dispatcher needs.
    /// </summary>
    public string GateDispatcher { get; set; } = "akka.actor.calling-thread-dispatcher";

    public OperationTimeouts Timeouts { get; set; } = new();

    public RetrySettings Retry { get; set; } = new();

    public JobSettings Job { get; set; } = new();
}

/// <summary>Deadline of each asynchronous VSS operation.</summary>
public sealed class OperationTimeouts
{
    public TimeSpan GatherWriterMetadata { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan PrepareForBackup { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan DoSnapshotSet { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan BackupComplete { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan GatherWriterStatus { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long one IVssAsync.Wait blocks before the session looks at cancellation and the deadline again. Wait
    /// returns as soon as the operation completes, so this bounds only how late a cancellation is noticed.
    /// </summary>
    public TimeSpan WaitSlice { get; set; } = TimeSpan.FromMilliseconds(20);

    public TimeSpan For(string operation) => operation switch
    {
        "GatherWriterMetadata" => GatherWriterMetadata,
        "PrepareForBackup" => PrepareForBackup,
        "DoSnapshotSet" => DoSnapshotSet,
        "BackupComplete" => BackupComplete,
        "GatherWriterStatus" => GatherWriterStatus,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "not an asynchronous VSS operation"),
    };
}

/// <summary>Bounded exponential backoff with jitter for session retries.</summary>
public sealed class RetrySettings
{
    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; set; } = 4;

    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    public double RandomFactor { get; set; } = 0.2;

    /// <summary>Base delay before retrying StartSnapshotSet after another requester's VSS_E_SNAPSHOT_SET_IN_PROGRESS.</summary>
    public TimeSpan SnapshotInProgressDelay { get; set; } = TimeSpan.FromSeconds(1);
}

public enum OversizePolicy
{
    /// <summary>More than 64 volumes: refuse the job.</summary>
    Refuse,

    /// <summary>More than 64 volumes: split into several snapshot sets of at most 64.</summary>
    Split,
}

public sealed class JobSettings
{
    public OversizePolicy OversizePolicy { get; set; } = OversizePolicy.Refuse;

    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
