using Coordinator.Actors.Gate;
using Coordinator.Actors.Jobs;
using Coordinator.Kernel.Actor;
using Coordinator.Kernel.Event;
using Coordinator.Vss;

namespace Coordinator.Actors.Session;

/// <summary>
/// One VSS backup session = one components object, on a pinned dispatcher so every call on that object comes
/// from one thread. The requester steps are messages to itself, handled one at a time; the snapshot-set window
/// is entered through the <see cref="SnapshotGate"/>. On success or failure the session cleans up first (free,
/// abort, release), then reports to its parent and stops: a retry on a new object can then never meet this
/// one's unfinished window. The backup action is not run here but by the job, which may hold several sets.
/// </summary>
public sealed class SessionActor : ReceiveActor
{
    private readonly SessionSpec _spec;
    private readonly RequesterSession _session;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private CancellationTokenRegistration _cancelRegistration;
    private bool _holdsGate;
    private bool _finished;

    public SessionActor(SessionSpec spec)
    {
        _spec = spec;
        var parent = Context.Parent;
        _session = new RequesterSession(
            spec.Factory,
            spec.Job,
            spec.Volumes,
            spec.Settings,
            spec.Journal,
            spec.Time,
            (phase, message, volume, writer) =>
            {
                // Nobody listening: no message, so no wake-up of the parent for nothing.
                if (spec.ReportProgress)
                {
                    parent.Tell(new JobProgress(spec.Job.JobId, phase, spec.Attempt, message, spec.Time.GetUtcNow(), volume, writer));
                }
            });

        Receive<Begin>(_ => RunStep(() =>
        {
            _session.Initialize();
            _session.GatherMetadataAndSelect(_spec.CancellationToken);
            Become(WaitingForGate);
            _holdsGate = true;
            _spec.Gate.Tell(new SnapshotGate.Acquire(_spec.Job.JobId));
        }));
        Receive<CancelRequested>(_ => Finish(new OperationCanceledException("the job was cancelled")));
    }

    public static Props Props(SessionSpec spec) =>
        Kernel.Actor.Props.Create(() => new SessionActor(spec)).WithDispatcher(spec.Settings.SessionDispatcher);

    protected override void PreStart()
    {
        var self = Self;
        // The token fires on whatever thread cancels it; the message brings the news to our own thread.
        _cancelRegistration = _spec.CancellationToken.Register(() => self.Tell(CancelRequested.Instance));
        Self.Tell(Begin.Instance);
    }

    protected override void PostStop()
    {
        _cancelRegistration.Dispose();
        // Normally a no-op (Finish cleaned up); here for stop, restart and system shutdown mid-step.
        foreach (var error in _session.Cleanup())
        {
            _log.Error(error, "cleanup of session for job {0} failed", _spec.Job.JobId);
        }
        ReleaseGate();
    }

    private void WaitingForGate()
    {
        Receive<SnapshotGate.Granted>(_ => RunStep(() =>
        {
            try
            {
                _session.StartSnapshotSet(_spec.JobDeadline, _spec.CancellationToken);
                _session.PrepareForBackup(_spec.CancellationToken);
                _session.DoSnapshotSet(_spec.CancellationToken);
            }
            finally
            {
                // On failure the window is still open here: Finish aborts before the gate is released.
                if (_session.SnapshotsCreated)
                {
                    ReleaseGate();
                }
            }
            _session.CheckWritersAfterSnapshot(_spec.CancellationToken);
            if (_spec.CompleteWhenReady)
            {
                // Nothing runs between the snapshots and BackupComplete: a round trip to the job would only
                // delay it.
                CompleteBackup(_spec.CancellationToken.IsCancellationRequested ? new OperationCanceledException("the job was cancelled") : null);
                return;
            }
            Become(HoldingSnapshots);
            Context.Parent.Tell(new SnapshotsReady(_spec.Attempt, _session.SnapshotSetId!.Value, _session.Mapping.ToList()));
        }));
        Receive<CancelRequested>(_ => Finish(new OperationCanceledException("the job was cancelled")));
    }

    /// <summary>
    /// The snapshots exist; the job runs its action over every set of the job (one, or several when a large job is
    /// split) and then tells each session how it went. Idle here: the pinned thread only holds the object.
    /// </summary>
    private void HoldingSnapshots()
    {
        Receive<CompleteBackup>(complete => RunStep(() => CompleteBackup(complete.Failure)));
        Receive<CancelRequested>(_ => RunStep(() => CompleteBackup(new OperationCanceledException("the job was cancelled"))));
    }

    /// <summary>
    /// BackupComplete, as succeeded when <paramref name="failure"/> is null. A failed action or a cancellation
    /// still completes the backup (components marked failed) and gathers writer status, so writers end their
    /// session cleanly; then the session reports that failure.
    /// </summary>
    private void CompleteBackup(Exception? failure)
    {
        _session.CompleteBackup(failure is null, failure is null ? _spec.CancellationToken : CancellationToken.None);
        Finish(failure);
    }

    private void RunStep(Action step)
    {
        if (_finished)
        {
            return;
        }
        try
        {
            step();
        }
        catch (Exception ex)
        {
            Finish(ex);
        }
    }

    /// <summary>Cleanup first, then the gate, then the report: the order the retry and the job result rely on.</summary>
    private void Finish(Exception? failure)
    {
        if (_finished)
        {
            return;
        }
        _finished = true;
        var outcome = _session.Outcome();
        foreach (var error in _session.Cleanup())
        {
            _log.Error(error, "cleanup of session for job {0} failed", _spec.Job.JobId);
        }
        ReleaseGate();
        Context.Parent.Tell(failure is null ? new SessionSucceeded(_spec.Attempt, outcome) : new SessionFailed(_spec.Attempt, failure, outcome));
        Context.Stop(Self);
    }

    private void ReleaseGate()
    {
        if (_holdsGate)
        {
            _holdsGate = false;
            _spec.Gate.Tell(SnapshotGate.Release.Instance, Self);
        }
    }

    private sealed record Begin
    {
        public static Begin Instance { get; } = new();
    }

    private sealed record CancelRequested
    {
        public static CancelRequested Instance { get; } = new();
    }
}

/// <summary>
/// Everything one session attempt needs. <see cref="CompleteWhenReady"/>: the job has no action and this is its
/// only snapshot set, so the session goes on to BackupComplete by itself instead of waiting for
/// <see cref="CompleteBackup"/>.
/// </summary>
public sealed record SessionSpec(
    IVssFactory Factory,
    BackupJob Job,
    IReadOnlyList<string> Volumes,
    CoordinatorSettings Settings,
    ISnapshotJournal Journal,
    IActorRef Gate,
    int Attempt,
    DateTimeOffset JobDeadline,
    TimeProvider Time,
    CancellationToken CancellationToken,
    bool ReportProgress = true,
    bool CompleteWhenReady = false);

/// <summary>DoSnapshotSet succeeded: the set exists and the session waits for <see cref="CompleteBackup"/>.</summary>
public sealed record SnapshotsReady(int Attempt, Guid SnapshotSetId, IReadOnlyList<VolumeSnapshot> Volumes);

/// <summary>The action ran: complete the backup, as succeeded when <see cref="Failure"/> is null.</summary>
public sealed record CompleteBackup(Exception? Failure);

/// <summary>The session finished its sequence; the backup stands.</summary>
public sealed record SessionSucceeded(int Attempt, SessionOutcome Outcome);

/// <summary>The session failed and has already cleaned up (freed, aborted, released).</summary>
public sealed record SessionFailed(int Attempt, Exception Cause, SessionOutcome Outcome);
