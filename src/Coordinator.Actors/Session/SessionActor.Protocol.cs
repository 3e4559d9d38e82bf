using Coordinator.Actors.Jobs;
using Coordinator.Vss;

namespace Coordinator.Actors.Session;

/// <summary>
/// Everything one session attempt needs. <see cref="CompleteWhenReady"/>: the job has no action and this is its
/// only snapshot set, so the session goes on to BackupComplete by itself instead of waiting for
/// <see cref="SessionActor.CompleteBackup"/>.
/// </summary>
internal sealed record SessionArgs(
    JobServices Services,
    BackupJob Job,
    IReadOnlyList<string> Volumes,
    int Attempt,
    DateTimeOffset JobDeadline,
    CancellationToken CancellationToken,
    bool ReportProgress = true,
    bool CompleteWhenReady = false);

/// <summary>The messages between a session and its job.</summary>
internal sealed partial class SessionActor
{
    /// <summary>DoSnapshotSet succeeded: the set exists and the session waits for <see cref="CompleteBackup"/>.</summary>
    public sealed record SnapshotsReady(int Attempt, Guid SnapshotSetId, IReadOnlyList<VolumeSnapshot> Volumes);

    /// <summary>The action ran: complete the backup, as succeeded when <see cref="Failure"/> is null.</summary>
    public sealed record CompleteBackup(Exception? Failure);

    /// <summary>The session finished its sequence; the backup stands.</summary>
    public sealed record SessionSucceeded(int Attempt, SessionOutcome Outcome);

    /// <summary>The session failed and has already cleaned up (freed, aborted, released); <see cref="Operation"/> was in progress.</summary>
    public sealed record SessionFailed(int Attempt, Exception Cause, SessionOutcome Outcome, string Operation);

    private sealed record Begin
    {
        public static Begin Instance { get; } = new();
    }

    private sealed record CancelRequested
    {
        public static CancelRequested Instance { get; } = new();
    }
}
