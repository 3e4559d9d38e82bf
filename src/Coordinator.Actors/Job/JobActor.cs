using System.Reflection;
using Akka.Actor;
using Akka.Event;
using Coordinator.Actors.Actions;
using Coordinator.Actors.Jobs;
using Coordinator.Actors.Retry;
using Coordinator.Actors.Session;
using Coordinator.Vss;

namespace Coordinator.Actors.Job;

/// <summary>
/// One per backup job: runs each attempt as a group of SessionActors (one per snapshot set of the
/// <see cref="JobPlan"/>), runs the backup action once every set exists, and owns the retry budget and the deadline.
/// Sessions report their own failures after cleaning up; a session that dies without reporting is a bug, failed as
/// such rather than retried.
/// The deadline and the retry backoff run on <see cref="JobServices.Time"/>'s timers, not Akka's scheduler: a cancelled
/// Akka timer stays in its 10 ms wheel (and keeps the finished job reachable) for up to 5 s, and it fires only on the
/// next tick; a disposed .NET timer is gone at once and fires to the millisecond.
/// </summary>
internal sealed partial class JobActor : ReceiveActor
{
    /// <summary>The longest delay a .NET timer accepts (2^32 - 2 ms).</summary>
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly JobArgs _args;
    private readonly JobServices _services;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly BackoffPolicy _backoff;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly DateTimeOffset _deadline;
    private readonly List<string> _warnings = [];
    private JobPlan _plan = new([]);
    private AttemptGroup? _group;
    private int _attempt;
    private bool _timedOut;
    private string? _timedOutIn;
    private bool _done;
    private IReadOnlyList<SessionOutcome> _lastOutcomes = [];
    private Exception? _crash;
    /// <summary>What this actor itself threw (in PreStart or a handler): the job then ends failed, naming it.</summary>
    private Exception? _ownCrash;
    private ITimer? _deadlineTimer;
    private ITimer? _retryTimer;

    public JobActor(JobArgs args)
    {
        _args = args;
        _services = args.Services;
        _backoff = BackoffPolicy.From(_services.Settings.Retry);
        _deadline = _services.Time.GetUtcNow() + Timeout;

        Receive<JobProgress>(Report);
        Receive<SessionActor.SnapshotsReady>(OnSnapshotsReady);
        Receive<ActionFinished>(OnActionFinished);
        Receive<SessionActor.SessionSucceeded>(s => OnSessionEnded(s.Attempt, null, s.Outcome, null));
        Receive<SessionActor.SessionFailed>(f => OnSessionEnded(f.Attempt, f.Cause, f.Outcome, f.Operation));
        Receive<StartAttempt>(_ => StartAttemptGroup());
        Receive<CancelJob>(_ => _cancellation.Cancel());
        Receive<DeadlineReached>(_ => OnDeadline());
        Receive<Terminated>(OnTerminated);
        Receive<SessionGone>(OnSessionGone);
    }

    private TimeSpan Timeout => _args.Job.Timeout ?? _services.Settings.Job.DefaultTimeout;

    public static Props Props(JobArgs args) => Akka.Actor.Props.Create<JobActor>(args);

    protected override void PreStart()
    {
        try
        {
            Start();
        }
        catch (Exception ex)
        {
            _ownCrash = ex;
            throw;
        }
    }

    /// <summary>An exception escaping a handler is a bug: remembered, so PostStop answers the job as failed with it.</summary>
    protected override bool AroundReceive(Receive receive, object message)
    {
        try
        {
            return base.AroundReceive(receive, message);
        }
        catch (Exception ex)
        {
            _ownCrash = ex;
            throw;
        }
    }

    private void Start()
    {
        try
        {
            _plan = JobPlan.For(_args.Job, _services.Settings.Job.OversizePolicy);
        }
        catch (JobValidationException ex)
        {
            Complete(JobStatus.Failed, JobErrors.Input(ex));
            return;
        }
        if (_deadline <= _services.Time.GetUtcNow())
        {
            // The deadline passed before we started (a timeout of a few ticks): answer at once, with nothing begun and
            // nothing to clean up, rather than start sessions only to cancel them.
            _timedOut = true;
            Complete(JobStatus.Failed, JobErrors.Timeout("Job", Timeout));
            return;
        }
        ArmDeadline();
        StartAttemptGroup();
    }

    protected override void PostStop()
    {
        // Stopped from outside (system shutdown): the sessions see the token and clean up on their own threads.
        StopTimers();
        _cancellation.Cancel();
        _group?.Cancellation.Dispose();
        if (!_done)
        {
            _done = true;
            _args.Reply.TrySetResult(_ownCrash is { } crash
                ? Result(JobStatus.Failed, JobErrors.Internal(RootCause(crash)))
                : Result(JobStatus.Cancelled, JobErrors.Cancelled("the coordinator shut down while the job ran")));
        }
        _cancellation.Dispose();
    }

    /// <summary>
    /// Sessions report their own VSS failures; an exception escaping one is a bug. Restarting would run the
    /// sequence again on a fresh object with no budget, so the session is stopped and the job failed instead.
    /// </summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(0, TimeSpan.FromMinutes(1), ex =>
    {
        _crash = RootCause(ex);
        _log.Error(ex, "session of job {0} crashed", _args.Job.JobId);
        return Directive.Stop;
    });

    /// <summary>
    /// Akka wraps a constructor's exception three deep (ActorInitializationException, then the reflection layers of
    /// actor creation) and a restart's in PostRestartException: the job's error names the real cause.
    /// </summary>
    internal static Exception RootCause(Exception ex)
    {
        while (ex.InnerException is { } inner && ex is ActorInitializationException or PostRestartException or TargetInvocationException or TypeLoadException)
        {
            ex = inner;
        }
        return ex;
    }

    private void Report(JobProgress progress) => _args.Progress?.TryWrite(progress);

    private void Report(string phase, string message, string? writer = null) =>
        Report(new JobProgress(_args.Job.JobId, phase, _attempt, message, _services.Time.GetUtcNow(), null, writer));

    private void StartAttemptGroup()
    {
        _attempt++;
        var group = new AttemptGroup(_attempt, CancellationTokenSource.CreateLinkedTokenSource(_cancellation.Token));
        var sets = _plan.Sets;
        for (var i = 0; i < sets.Count; i++)
        {
            var args = new SessionArgs(_services, _args.Job, sets[i], _attempt, _deadline, group.Cancellation.Token,
                ReportProgress: _args.Progress is not null,
                CompleteWhenReady: _args.Job.Action is null && !_plan.IsSplit);
            var name = _plan.IsSplit ? $"session-{_attempt}-set-{i + 1}" : $"session-{_attempt}";
            var session = Context.ActorOf(SessionActor.Props(args), name);
            Context.Watch(session);
            group.Sessions.Add(session, new SessionSlot(i));
        }
        _group = group;
        Report("Session", $"attempt {_attempt} on {(_plan.IsSplit ? $"{sets.Count} new components objects, one per snapshot set" : "a new components object")}");
    }

    /// <summary>
    /// A deadline that passed before we started (a timeout of a few ticks) still fires, at once: timers refuse a
    /// negative delay. One further than a .NET timer reaches (about 49 days) is re-armed when that timer fires.
    /// </summary>
    private void ArmDeadline()
    {
        var remaining = _deadline - _services.Time.GetUtcNow();
        _deadlineTimer?.Dispose();
        _deadlineTimer = After(remaining <= TimeSpan.Zero ? TimeSpan.Zero : remaining < MaxTimerDelay ? remaining : MaxTimerDelay, DeadlineReached.Instance);
    }

    private void OnDeadline()
    {
        if (_done)
        {
            return;
        }
        if (_services.Time.GetUtcNow() < _deadline)
        {
            ArmDeadline();
            return;
        }
        _timedOut = true;
        _timedOutIn = _group switch
        {
            null => "RetryBackoff",
            { ActionRunning: true } => "BackupAction",
            _ => null, // the session that notices the token says which VSS operation it was in
        };
        _cancellation.Cancel();
        if (_group is null)
        {
            // Between attempts: nothing runs that could notice the token.
            Complete(JobStatus.Failed, JobErrors.Timeout(_timedOutIn!, Timeout));
        }
    }

    private void OnSnapshotsReady(SessionActor.SnapshotsReady ready)
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
        Report("Backup", "running the backup action");
        group.ActionRunning = true;
        // The action may run for hours: it runs off the mailbox and its outcome comes back as a message, so
        // cancellation and the deadline are still handled while it runs.
        var attempt = group.Attempt;
        var action = _args.Job.Action;
        var token = group.Cancellation.Token;
        Task.Run(() => BackupActionRunner.RunAsync(action, mapping, token), CancellationToken.None)
            .PipeTo(Self, success: () => new ActionFinished(attempt, null), failure: ex => new ActionFinished(attempt, Unwrap(ex)));
    }

    private static Exception Unwrap(Exception ex) => ex is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : ex;

    private void OnActionFinished(ActionFinished finished)
    {
        if (_group is not { } group || finished.Attempt != group.Attempt)
        {
            return;
        }
        group.ActionRunning = false;
        foreach (var session in group.Sessions.Keys)
        {
            session.Tell(new SessionActor.CompleteBackup(finished.Failure));
        }
    }

    private void OnSessionEnded(int attempt, Exception? failure, SessionOutcome outcome, string? operation)
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
            group.FailedIn = operation;
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
            Complete(
                _timedOut ? JobStatus.Failed : JobStatus.Cancelled,
                _timedOut ? JobErrors.Timeout(_timedOutIn ?? group.FailedIn ?? "Job", Timeout) : JobErrors.Cancelled("the job was cancelled"));
            return;
        }
        if (cause is VssException { ErrorClass: VssErrorClass.RetrySession } vss && _attempt < _services.Settings.Retry.MaxAttempts)
        {
            var delay = _backoff.Delay(_attempt - 1);
            if (_services.Time.GetUtcNow() + delay < _deadline)
            {
                _warnings.Add($"attempt {_attempt} failed: {vss.Message}");
                Report("Retry", $"{vss.ErrorName} in {vss.Operation}; retrying in {delay.TotalSeconds:0.##} s", vss.Writer);
                _retryTimer?.Dispose();
                _retryTimer = After(delay, StartAttempt.Instance);
                return;
            }
        }
        Complete(JobStatus.Failed, JobErrors.Of(cause));
    }

    private void Complete(JobStatus status, JobError? error)
    {
        if (_done)
        {
            return;
        }
        _done = true;
        // Before the stop: a timer firing now would only find a stopping actor and make a dead letter.
        StopTimers();
        _args.Reply.TrySetResult(Result(status, error));
        Context.Stop(Self);
    }

    /// <summary>Tells <paramref name="message"/> to this actor once, after <paramref name="delay"/>, from a timer thread.</summary>
    private ITimer After(TimeSpan delay, object message)
    {
        var self = Self;
        return _services.Time.CreateTimer(_ => self.Tell(message, ActorRefs.NoSender), null, delay, System.Threading.Timeout.InfiniteTimeSpan);
    }

    private void StopTimers()
    {
        _deadlineTimer?.Dispose();
        _deadlineTimer = null;
        _retryTimer?.Dispose();
        _retryTimer = null;
    }

    private BackupResult Result(JobStatus status, JobError? error) =>
        ResultMerger.Merge(_args.Job.JobId, status, error, _attempt, _lastOutcomes, _warnings, _services.Factory.ProviderName);

    /// <summary>
    /// Terminated is a system message and may overtake the session's last report, which is already in our
    /// mailbox; a message to ourselves queues behind that report, so by then a reporting session has been handled.
    /// </summary>
    private void OnTerminated(Terminated terminated) => Self.Tell(new SessionGone(terminated.ActorRef));

    private void OnSessionGone(SessionGone gone)
    {
        if (_group is not { } group || !group.Sessions.TryGetValue(gone.Session, out var slot) || slot.Ended || _done)
        {
            return;
        }
        var why = _crash is null ? "see the log" : $"{_crash.GetType().Name}: {_crash.Message}";
        Self.Tell(new SessionActor.SessionFailed(group.Attempt, new SessionCrashedException($"the session stopped without reporting ({why})"),
            new SessionOutcome(null, [], [], [], [], []), "Session"), gone.Session);
    }
}
