using Akka.Actor;
using Akka.Event;
using Coordinator.Actors.Gate;
using Coordinator.Actors.Jobs;

namespace Coordinator.Actors.Session;

/// <summary>
/// One VSS backup session = one components object, on a dedicated-thread dispatcher so every call on that object
/// comes from one thread. The requester steps are messages to itself, handled one at a time; the snapshot-set
/// window is entered through the <see cref="SnapshotGate"/>. On success or failure the session cleans up first
/// (free, abort, release), then reports to its parent and stops: a retry on a new object can then never meet this
/// one's unfinished window. The backup action is not run here but by the job, which may hold several sets.
/// </summary>
internal sealed partial class SessionActor : ReceiveActor
{
    private readonly SessionArgs _args;
    private readonly JobServices _services;
    private readonly RequesterSession _session;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private CancellationTokenRegistration _cancelRegistration;
    private bool _holdsGate;
    private bool _finished;

    public SessionActor(SessionArgs args)
    {
        _args = args;
        _services = args.Services;
        var parent = Context.Parent;
        var time = _services.Time;
        _session = new RequesterSession(
            _services.Factory,
            args.Job,
            args.Volumes,
            _services.Settings,
            _services.Journal,
            time,
            (phase, message, volume, writer) =>
            {
                // Nobody listening: no message, so no wake-up of the parent for nothing.
                if (args.ReportProgress)
                {
                    parent.Tell(new JobProgress(args.Job.JobId, phase, args.Attempt, message, time.GetUtcNow(), volume, writer));
                }
            });

        Receive<Begin>(_ => RunStep(() =>
        {
            _session.Initialize();
            _session.GatherMetadataAndSelect(_args.CancellationToken);
            Become(WaitingForGate);
            _holdsGate = true;
            _services.Gate.Tell(new SnapshotGate.Acquire(_args.Job.JobId));
        }));
        Receive<CancelRequested>(_ => Finish(Cancelled()));
    }

    public static Props Props(SessionArgs args) =>
        Akka.Actor.Props.Create<SessionActor>(args).WithDispatcher(args.Services.Settings.SessionDispatcher);

    protected override void PreStart()
    {
        var self = Self;
        // The token fires on whatever thread cancels it; the message brings the news to our own thread.
        _cancelRegistration = _args.CancellationToken.Register(() => self.Tell(CancelRequested.Instance));
        Self.Tell(Begin.Instance);
    }

    protected override void PostStop()
    {
        _cancelRegistration.Dispose();
        // Normally a no-op (Finish cleaned up); here for stop, restart and system shutdown mid-step.
        foreach (var error in _session.Cleanup())
        {
            _log.Error(error, "cleanup of session for job {0} failed", _args.Job.JobId);
        }
        ReleaseGate();
    }

    private static OperationCanceledException Cancelled() => new("the job was cancelled");

    private void WaitingForGate()
    {
        Receive<SnapshotGate.Granted>(_ => RunStep(() =>
        {
            try
            {
                _session.StartSnapshotSet(_args.JobDeadline, _args.CancellationToken);
                _session.PrepareForBackup(_args.CancellationToken);
                _session.DoSnapshotSet(_args.CancellationToken);
            }
            finally
            {
                // On failure the window is still open here: Finish aborts before the gate is released.
                if (_session.SnapshotsCreated)
                {
                    ReleaseGate();
                }
            }
            _session.CheckWritersAfterSnapshot(_args.CancellationToken);
            if (_args.CompleteWhenReady)
            {
                // Nothing runs between the snapshots and BackupComplete: a round trip to the job would only delay it.
                Complete(_args.CancellationToken.IsCancellationRequested ? Cancelled() : null);
                return;
            }
            Become(HoldingSnapshots);
            Context.Parent.Tell(new SnapshotsReady(_args.Attempt, _session.SnapshotSetId!.Value, _session.Mapping.ToList()));
        }));
        Receive<CancelRequested>(_ => Finish(Cancelled()));
    }

    /// <summary>
    /// The snapshots exist; the job runs its action over every set of the job (one, or several when a large job is
    /// split) and then tells each session how it went. Idle here: the dedicated thread only holds the object.
    /// </summary>
    private void HoldingSnapshots()
    {
        Receive<CompleteBackup>(complete => RunStep(() => Complete(complete.Failure)));
        Receive<CancelRequested>(_ => RunStep(() => Complete(Cancelled())));
    }

    /// <summary>
    /// BackupComplete, as succeeded when <paramref name="failure"/> is null. A failed action or a cancellation
    /// still completes the backup (components marked failed) and gathers writer status, so writers end their
    /// session cleanly; then the session reports that failure.
    /// </summary>
    private void Complete(Exception? failure)
    {
        _session.CompleteBackup(failure is null, failure is null ? _args.CancellationToken : CancellationToken.None);
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
        var interrupted = _session.CurrentOperation;
        var outcome = _session.Outcome();
        foreach (var error in _session.Cleanup())
        {
            _log.Error(error, "cleanup of session for job {0} failed", _args.Job.JobId);
        }
        ReleaseGate();
        Context.Parent.Tell(failure is null
            ? new SessionSucceeded(_args.Attempt, outcome)
            : new SessionFailed(_args.Attempt, failure, outcome, interrupted));
        Context.Stop(Self);
    }

    private void ReleaseGate()
    {
        if (_holdsGate)
        {
            _holdsGate = false;
            _services.Gate.Tell(SnapshotGate.Release.Instance, Self);
        }
    }
}
