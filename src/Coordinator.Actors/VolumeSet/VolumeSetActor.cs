using Coordinator.Actors.Jobs;
using Coordinator.Actors.Retry;
using Coordinator.Actors.Session;
using Coordinator.Kernel.Actor;
using Coordinator.Kernel.Event;
using Coordinator.Vss;

namespace Coordinator.Actors.VolumeSet;

/// <summary>
/// One per backup job. Validates the volume set, runs SessionActors one attempt at a time, owns the retry budget
/// (bounded exponential backoff with jitter; every attempt on a new components object), forwards progress, and
/// answers with the complete <see cref="BackupResult"/>. Sessions report their own failures after cleaning up;
/// a session that dies without reporting is a bug, failed as such rather than retried.
/// </summary>
public sealed class VolumeSetActor : ReceiveActor, IWithTimers
{
    private const string RetryTimerKey = "retry";
    private const string DeadlineTimerKey = "deadline";

    private readonly VolumeSetSpec _spec;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly BackoffPolicy _backoff;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly DateTimeOffset _deadline;
    private IReadOnlyList<string> _volumes = [];
    private IActorRef? _session;
    private int _attempt;
    private bool _timedOut;
    private bool _done;
    private SessionOutcome? _lastOutcome;
    private Exception? _crash;
    private readonly List<string> _warnings = [];

    public VolumeSetActor(VolumeSetSpec spec)
    {
        _spec = spec;
        _backoff = BackoffPolicy.From(spec.Settings.Retry, spec.Random);
        _deadline = spec.Time.GetUtcNow() + (spec.Job.Timeout ?? spec.Settings.Job.DefaultTimeout);

        Receive<JobProgress>(p => _spec.OnProgress?.Invoke(p));
        Receive<SessionSucceeded>(OnSucceeded);
        Receive<SessionFailed>(OnFailed);
        Receive<StartAttempt>(_ => StartSession());
        Receive<CancelJob>(_ => _cancellation.Cancel());
        Receive<DeadlineReached>(_ =>
        {
            _timedOut = true;
            _cancellation.Cancel();
            if (_session is null)
            {
                // Between attempts: nothing runs that could notice the token.
                Complete(JobStatus.Failed, TimeoutError("job"));
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
            _volumes = VolumeNames.NormalizeSet(_spec.Job.Volumes);
            if (_volumes.Count > VolumeNames.MaxVolumesPerSet)
            {
                // Split is not built yet: one consistent set is the point of a multi-volume job, and splitting
                // breaks that, so refusing is the safe default (see the closing note of issue 4).
                throw new JobValidationException(
                    $"{_volumes.Count} volumes given; VSS takes at most {VolumeNames.MaxVolumesPerSet} in one snapshot set: run several jobs");
            }
            if (_spec.Job.Action is ExternalProgramAction program)
            {
                Actions.ExternalProgramRunner.ResolveProgram(program.Program);
            }
        }
        catch (JobValidationException ex)
        {
            Complete(JobStatus.Failed, InputError(ex));
            return;
        }
        Timers.StartSingleTimer(DeadlineTimerKey, DeadlineReached.Instance, _deadline - _spec.Time.GetUtcNow());
        StartSession();
    }

    protected override void PostStop()
    {
        // Stopped from outside (system shutdown): the session sees the token and cleans up on its own thread.
        _cancellation.Cancel();
        if (!_done)
        {
            _done = true;
            _spec.Reply.TrySetResult(Result(JobStatus.Cancelled, new JobError(JobErrorKind.Cancelled, "Job", 0, null, "the coordinator shut down while the job ran")));
        }
        _cancellation.Dispose();
    }

    private void StartSession()
    {
        _attempt++;
        var spec = new SessionSpec(_spec.Factory, _spec.Job, _volumes, _spec.Settings, _spec.Journal, _spec.Gate, _attempt, _deadline, _spec.Time, _cancellation.Token);
        _session = Context.ActorOf(SessionActor.Props(spec), $"session-{_attempt}");
        Context.Watch(_session);
        _spec.OnProgress?.Invoke(new JobProgress(_spec.Job.JobId, "Session", _attempt, $"attempt {_attempt} on a new components object", _spec.Time.GetUtcNow()));
    }

    private void OnSucceeded(SessionSucceeded message)
    {
        _lastOutcome = message.Outcome;
        Complete(JobStatus.Succeeded, null);
    }

    private void OnFailed(SessionFailed failed)
    {
        _lastOutcome = failed.Outcome;
        Context.Unwatch(Sender);
        _session = null;
        var cause = failed.Cause;
        if (cause is OperationCanceledException)
        {
            if (_timedOut)
            {
                Complete(JobStatus.Failed, TimeoutError("job"));
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
                _spec.OnProgress?.Invoke(new JobProgress(_spec.Job.JobId, "Retry", _attempt, $"{vss.ErrorName} in {vss.Operation}; retrying in {delay.TotalSeconds:0.##} s", _spec.Time.GetUtcNow(), null, vss.Writer));
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
        if (_session?.Equals(gone.Session) == true && !_done)
        {
            _session = null;
            var why = _crash is null ? "see the log" : $"{_crash.GetType().Name}: {_crash.Message}";
            Complete(JobStatus.Failed, new JobError(JobErrorKind.Vss, "Session", 0, null, $"the session stopped without reporting ({why})"));
        }
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

    private static JobError ErrorOf(Exception cause) => cause switch
    {
        JobValidationException input => InputError(input),
        VssNotAvailableException or VssAccessDeniedException => JobError.FromVss((VssException)cause, JobErrorKind.Environment),
        VssException vss => JobError.FromVss(vss),
        VssOperationTimeoutException timeout => new JobError(JobErrorKind.Timeout, timeout.Operation, 0, null, timeout.Message),
        Actions.BackupActionFailedException action => new JobError(JobErrorKind.Action, "BackupAction", 0, null, action.Message)
        {
            ExitCode = action.ExitCode,
        },
        _ => new JobError(JobErrorKind.Vss, "Session", 0, null, cause.Message),
    };

    private static JobError InputError(JobValidationException ex) => new(JobErrorKind.Input, ex.Operation, ex.VssHResult, null, ex.Message);

    private JobError TimeoutError(string what) =>
        new(JobErrorKind.Timeout, "Job", 0, null, $"the {what} did not finish within {(_spec.Job.Timeout ?? _spec.Settings.Job.DefaultTimeout)}; it was cancelled and cleaned up");

    private void Complete(JobStatus status, JobError? error)
    {
        if (_done)
        {
            return;
        }
        _done = true;
        _spec.Reply.TrySetResult(Result(status, error));
        Context.Stop(Self);
    }

    private BackupResult Result(JobStatus status, JobError? error)
    {
        var outcome = _lastOutcome;
        return new BackupResult(
            _spec.Job.JobId,
            status,
            error,
            _attempt,
            status == JobStatus.Succeeded ? outcome?.SnapshotSetId : null,
            status == JobStatus.Succeeded ? outcome?.Volumes ?? [] : [],
            outcome?.Writers ?? [],
            outcome?.Components ?? [],
            outcome?.Timings ?? [],
            [.. _warnings, .. outcome?.Warnings ?? []],
            _spec.Factory.ProviderName);
    }

    private sealed record StartAttempt
    {
        public static StartAttempt Instance { get; } = new();
    }

    private sealed record SessionGone(IActorRef Session);

    private sealed record DeadlineReached
    {
        public static DeadlineReached Instance { get; } = new();
    }

    /// <summary>Cancels the job at whatever phase it is in, with the same cleanup as any other ending.</summary>
    public sealed record CancelJob
    {
        public static CancelJob Instance { get; } = new();
    }
}

/// <summary>Everything a job needs; <see cref="Reply"/> receives the result exactly once.</summary>
public sealed record VolumeSetSpec(
    BackupJob Job,
    IVssFactory Factory,
    CoordinatorSettings Settings,
    ISnapshotJournal Journal,
    IActorRef Gate,
    TimeProvider Time,
    TaskCompletionSource<BackupResult> Reply,
    Action<JobProgress>? OnProgress,
    Func<double>? Random = null);
