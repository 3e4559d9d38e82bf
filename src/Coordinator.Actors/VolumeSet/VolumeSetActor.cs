using Coordinator.Actors.Actions;
using Coordinator.Actors.Jobs;
using Coordinator.Actors.Retry;
using Coordinator.Actors.Session;
using Coordinator.Kernel.Actor;
using Coordinator.Kernel.Event;
using Coordinator.Vss;

namespace Coordinator.Actors.VolumeSet;

/// <summary>
/// One per backup job. Validates the volume set, runs each attempt as a group of SessionActors (one per snapshot
/// set: one set, or several of at most 64 volumes when a larger job is split by policy), runs the backup action
/// once every set exists, tells each session how it went, owns the retry budget (bounded exponential backoff
/// with jitter; every attempt on new components objects), forwards progress, and answers with the complete
/// <see cref="BackupResult"/>. Sessions report their own failures after cleaning up; a session that dies without
/// reporting is a bug, failed as such rather than retried.
/// </summary>
public sealed partial class VolumeSetActor : ReceiveActor, IWithTimers
{
    private const string RetryTimerKey = "retry";
    private const string DeadlineTimerKey = "deadline";

    private readonly VolumeSetSpec _spec;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly BackoffPolicy _backoff;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly DateTimeOffset _deadline;
    private readonly List<string> _warnings = [];
    private IReadOnlyList<IReadOnlyList<string>> _sets = [];
    private AttemptGroup? _group;
    private int _attempt;
    private bool _timedOut;
    private bool _done;
    private IReadOnlyList<SessionOutcome> _lastOutcomes = [];
    private Exception? _crash;

    public VolumeSetActor(VolumeSetSpec spec)
    {
        _spec = spec;
        _backoff = BackoffPolicy.From(spec.Settings.Retry, spec.Random);
        _deadline = spec.Time.GetUtcNow() + (spec.Job.Timeout ?? spec.Settings.Job.DefaultTimeout);

        Receive<JobProgress>(p => _spec.OnProgress?.Invoke(p));
        Receive<SnapshotsReady>(OnSnapshotsReady);
        Receive<ActionFinished>(OnActionFinished);
        Receive<SessionSucceeded>(s => OnSessionEnded(s.Attempt, null, s.Outcome));
        Receive<SessionFailed>(f => OnSessionEnded(f.Attempt, f.Cause, f.Outcome));
        Receive<StartAttempt>(_ => StartAttemptGroup());
        Receive<CancelJob>(_ => _cancellation.Cancel());
        Receive<DeadlineReached>(_ =>
        {
            _timedOut = true;
            _cancellation.Cancel();
            if (_group is null)
            {
                // Between attempts: nothing runs that could notice the token.
                Complete(JobStatus.Failed, TimeoutError());
            }
        });
        Receive<Terminated>(OnTerminated);
        Receive<SessionGone>(OnSessionGone);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(VolumeSetSpec spec) => Kernel.Actor.Props.Create(() => new VolumeSetActor(spec));

    protected override void PreStart()
    {
        try
        {
            _sets = PlanSets(VolumeNames.NormalizeSet(_spec.Job.Volumes), _spec.Settings.Job.OversizePolicy);
            if (_spec.Job.Action is ExternalProgramAction program)
            {
                ExternalProgramRunner.ResolveProgram(program.Program);
            }
        }
        catch (JobValidationException ex)
        {
            Complete(JobStatus.Failed, InputError(ex));
            return;
        }
        Timers.StartSingleTimer(DeadlineTimerKey, DeadlineReached.Instance, _deadline - _spec.Time.GetUtcNow());
        StartAttemptGroup();
    }

    protected override void PostStop()
    {
        // Stopped from outside (system shutdown): the sessions see the token and clean up on their own threads.
        _cancellation.Cancel();
        _group?.Cancellation.Dispose();
        if (!_done)
        {
            _done = true;
            _spec.Reply.TrySetResult(Result(JobStatus.Cancelled, new JobError(JobErrorKind.Cancelled, "Job", 0, null, "the coordinator shut down while the job ran")));
        }
        _cancellation.Dispose();
    }

    /// <summary>
    /// Sessions report their own VSS failures; an exception escaping one is a bug. Restarting would run the
    /// sequence again on a fresh object with no budget, so the session is stopped and the job failed instead.
    /// </summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(0, TimeSpan.FromMinutes(1), ex =>
    {
        _crash = ex is ActorInitializationException { InnerException: { } inner } ? inner : ex;
        _log.Error(ex, "session of job {0} crashed", _spec.Job.JobId);
        return Directive.Stop;
    });

    /// <summary>One snapshot set, or — by policy — consecutive sets of at most 64 volumes (VSS's limit per set).</summary>
    internal static IReadOnlyList<IReadOnlyList<string>> PlanSets(IReadOnlyList<string> volumes, OversizePolicy policy)
    {
        if (volumes.Count <= VssLimits.MaxVolumesPerSnapshotSet)
        {
            return [volumes];
        }
        if (policy == OversizePolicy.Refuse)
        {
            throw new JobValidationException(
                $"{volumes.Count} volumes given; VSS takes at most {VssLimits.MaxVolumesPerSnapshotSet} in one snapshot set: run several jobs, " +
                "or set coordinator.job.oversize-policy = split (the sets are then not taken at one instant)");
        }
        return volumes.Chunk(VssLimits.MaxVolumesPerSnapshotSet).Select(c => (IReadOnlyList<string>)c).ToList();
    }

    private void StartAttemptGroup()
    {
        _attempt++;
        var group = new AttemptGroup(_attempt, CancellationTokenSource.CreateLinkedTokenSource(_cancellation.Token));
        for (var i = 0; i < _sets.Count; i++)
        {
            var spec = new SessionSpec(_spec.Factory, _spec.Job, _sets[i], _spec.Settings, _spec.Journal, _spec.Gate, _attempt, _deadline, _spec.Time, group.Cancellation.Token,
                ReportProgress: _spec.OnProgress is not null,
                CompleteWhenReady: _spec.Job.Action is null && _sets.Count == 1);
            var name = _sets.Count == 1 ? $"session-{_attempt}" : $"session-{_attempt}-set-{i + 1}";
            var session = Context.ActorOf(SessionActor.Props(spec), name);
            Context.Watch(session);
            group.Sessions.Add(session, new SessionSlot(i));
        }
        _group = group;
        _spec.OnProgress?.Invoke(new JobProgress(_spec.Job.JobId, "Session", _attempt,
            $"attempt {_attempt} on {(_sets.Count == 1 ? "a new components object" : $"{_sets.Count} new components objects, one per snapshot set")}",
            _spec.Time.GetUtcNow()));
    }

    private void OnSnapshotsReady(SnapshotsReady ready)
    {
        if (_group is not { } group || ready.Attempt != group.Attempt || !group.Sessions.TryGetValue(Sender, out var slot))
        {
            return;
        }
        slot.Mapping = ready.Volumes;
        slot.SnapshotSetId = ready.SnapshotSetId;
        if (group.Failure is not null || group.Sessions.Values.Any(s => s.Mapping is null))
        {
            return;
        }
        var inOrder = group.Sessions.Values.OrderBy(s => s.Index).ToList();
        var mapping = new SnapshotMapping(inOrder[0].SnapshotSetId!.Value, inOrder.SelectMany(s => s.Mapping!).ToList());
        _spec.OnProgress?.Invoke(new JobProgress(_spec.Job.JobId, "Backup", group.Attempt, "running the backup action", _spec.Time.GetUtcNow()));
        RunActionDetached(mapping, group);
    }

    /// <summary>
    /// The action may run for hours: it runs off the mailbox and reports back with a message, so cancellation and
    /// the deadline are still handled while it runs.
    /// </summary>
    private void RunActionDetached(SnapshotMapping mapping, AttemptGroup group)
    {
        var self = Self;
        var token = group.Cancellation.Token;
        _ = Task.Run(async () =>
        {
            try
            {
                await BackupActionRunner.RunAsync(_spec.Job.Action, mapping, token).ConfigureAwait(false);
                self.Tell(new ActionFinished(group.Attempt, null));
            }
            catch (Exception ex)
            {
                self.Tell(new ActionFinished(group.Attempt, ex));
            }
        });
    }

    private void OnActionFinished(ActionFinished finished)
    {
        if (_group is not { } group || finished.Attempt != group.Attempt)
        {
            return;
        }
        foreach (var session in group.Sessions.Keys)
        {
            session.Tell(new CompleteBackup(finished.Failure));
        }
    }

    private void OnSessionEnded(int attempt, Exception? failure, SessionOutcome outcome)
    {
        if (_group is not { } group || attempt != group.Attempt || !group.Sessions.TryGetValue(Sender, out var slot) || slot.Ended)
        {
            return;
        }
        Context.Unwatch(Sender);
        slot.Ended = true;
        slot.Outcome = outcome;
        if (failure is not null && group.Failure is null)
        {
            // The first failure is the cause; siblings are then cancelled and their own endings are consequences.
            group.Failure = failure;
            group.Cancellation.Cancel();
        }
        if (group.Sessions.Values.All(s => s.Ended))
        {
            EndAttempt(group);
        }
    }

    private void EndAttempt(AttemptGroup group)
    {
        _group = null;
        _lastOutcomes = group.Sessions.Values.OrderBy(s => s.Index).Select(s => s.Outcome!).ToList();
        group.Cancellation.Dispose();
        var cause = group.Failure;
        if (cause is null)
        {
            Complete(JobStatus.Succeeded, null);
            return;
        }
        if (cause is OperationCanceledException)
        {
            if (_timedOut)
            {
                Complete(JobStatus.Failed, TimeoutError());
            }
            else
            {
                Complete(JobStatus.Cancelled, new JobError(JobErrorKind.Cancelled, "Job", 0, null, "the job was cancelled"));
            }
            return;
        }
        if (cause is VssException { ErrorClass: VssErrorClass.RetrySession } vss && _attempt < _spec.Settings.Retry.MaxAttempts)
        {
            var delay = _backoff.Delay(_attempt - 1);
            if (_spec.Time.GetUtcNow() + delay < _deadline)
            {
                _warnings.Add($"attempt {_attempt} failed: {vss.Message}");
                _spec.OnProgress?.Invoke(new JobProgress(_spec.Job.JobId, "Retry", _attempt,
                    $"{vss.ErrorName} in {vss.Operation}; retrying in {delay.TotalSeconds:0.##} s", _spec.Time.GetUtcNow(), null, vss.Writer));
                Timers.StartSingleTimer(RetryTimerKey, StartAttempt.Instance, delay);
                return;
            }
        }
        Complete(JobStatus.Failed, ErrorOf(cause));
    }

    /// <summary>
    /// Terminated is a system message and may overtake the session's last report, which is already in our user
    /// queue; a message to ourselves queues behind that report, so by then a reporting session has been handled.
    /// </summary>
    private void OnTerminated(Terminated terminated) => Self.Tell(new SessionGone(terminated.ActorRef));

    private void OnSessionGone(SessionGone gone)
    {
        if (_group is not { } group || !group.Sessions.TryGetValue(gone.Session, out var slot) || slot.Ended || _done)
        {
            return;
        }
        var why = _crash is null ? "see the log" : $"{_crash.GetType().Name}: {_crash.Message}";
        Self.Tell(new SessionFailed(group.Attempt, new SessionCrashedException($"the session stopped without reporting ({why})"), new SessionOutcome(null, [], [], [], [], [])), gone.Session);
    }
}
