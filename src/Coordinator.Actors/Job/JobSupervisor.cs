using Akka.Actor;
using Akka.Event;
using Coordinator.Actors.Jobs;

namespace Coordinator.Actors.Job;

/// <summary>
/// The parent of every job actor of the host. Children are created synchronously inside its turn, so a job's actor
/// exists before anything can be told to it. A job actor that throws is stopped, never restarted: a restart would
/// run the job again. Every job is answered: by its actor, or, when the actor could not even start (its constructor
/// threw, so it has no PostStop), here when it is gone, as failed with the cause. Public only as the key it is
/// registered under in the host's actor registry; its protocol is internal.
/// </summary>
public sealed class JobSupervisor : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<IActorRef, Run> _jobs = [];
    private readonly JobServices _services;
    private Exception? _lastCrash;

    public JobSupervisor(JobServices services)
    {
        _services = services;
        Receive<Run>(run =>
        {
            var args = new JobArgs(services, run.Job, run.Reply, run.Progress);
            IActorRef job;
            try
            {
                job = Context.ActorOf(JobActor.Props(args), ChildName(run.Job.JobId));
            }
            catch (InvalidActorNameException)
            {
                run.Reply.TrySetException(new InvalidOperationException($"a job with id {run.Job.JobId} is already running"));
                return;
            }
            Context.Watch(job);
            _jobs[job] = run;
        });
        Receive<Cancel>(cancel =>
        {
            // A job that has ended is gone, and a cancellation of it has nothing left to do.
            if (Context.Child(ChildName(cancel.JobId)) is { } job && !job.IsNobody())
            {
                job.Tell(JobActor.CancelJob.Instance);
            }
        });
        Receive<Terminated>(terminated =>
        {
            if (_jobs.Remove(terminated.ActorRef, out var run) && !run.Reply.Task.IsCompleted)
            {
                var cause = _lastCrash ?? new InvalidOperationException("the job's actor stopped without answering");
                run.Reply.TrySetResult(ResultMerger.Merge(run.Job.JobId, JobStatus.Failed, JobErrors.Internal(cause), 0, [], [], _services.Factory.ProviderName));
            }
        });
    }

    internal static Props Props(JobServices services) => Akka.Actor.Props.Create<JobSupervisor>(services);

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(0, TimeSpan.FromMinutes(1), ex =>
    {
        // The failed child stops next and its Terminated follows; the job it ran is answered then, naming this cause.
        _lastCrash = JobActor.RootCause(ex);
        _log.Error(ex, "a job actor crashed; it is stopped and its job answered as failed");
        return Directive.Stop;
    });

    private static string ChildName(string jobId) => $"job-{jobId}";

    /// <summary>Start a job; <see cref="Reply"/> gets its result.</summary>
    internal sealed record Run(BackupJob Job, TaskCompletionSource<BackupResult> Reply, System.Threading.Channels.ChannelWriter<JobProgress>? Progress);

    /// <summary>Cancel the job of that id, if it still runs.</summary>
    internal sealed record Cancel(string JobId);
}
