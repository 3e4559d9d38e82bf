using Akka.Actor;
using Akka.Event;
using Coordinator.Actors.Jobs;

namespace Coordinator.Actors.Job;

/// <summary>
/// The parent of every job actor of the host. Children are created synchronously inside its turn, so a job's actor
/// exists before anything can be told to it. A job actor that throws is stopped, never restarted: a restart would
/// run the job again, and its PostStop answers the caller. Public only as the key it is registered under in the
/// host's actor registry; its protocol is internal.
/// </summary>
public sealed class JobSupervisor : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public JobSupervisor(JobServices services)
    {
        Receive<Run>(run =>
        {
            var args = new JobArgs(services, run.Job, run.Reply, run.Progress);
            try
            {
                Context.ActorOf(JobActor.Props(args), ChildName(run.Job.JobId));
            }
            catch (InvalidActorNameException)
            {
                run.Reply.TrySetException(new InvalidOperationException($"a job with id {run.Job.JobId} is already running"));
            }
        });
        Receive<Cancel>(cancel =>
        {
            // A job that has ended is gone, and a cancellation of it has nothing left to do.
            if (Context.Child(ChildName(cancel.JobId)) is { } job && !job.IsNobody())
            {
                job.Tell(JobActor.CancelJob.Instance);
            }
        });
    }

    internal static Props Props(JobServices services) => Akka.Actor.Props.Create<JobSupervisor>(services);

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(0, TimeSpan.FromMinutes(1), ex =>
    {
        _log.Error(ex, "a job actor crashed; it is stopped and its job answered as cancelled");
        return Directive.Stop;
    });

    private static string ChildName(string jobId) => $"job-{jobId}";

    /// <summary>Start a job; <see cref="Reply"/> gets its result.</summary>
    internal sealed record Run(BackupJob Job, TaskCompletionSource<BackupResult> Reply, System.Threading.Channels.ChannelWriter<JobProgress>? Progress);

    /// <summary>Cancel the job of that id, if it still runs.</summary>
    internal sealed record Cancel(string JobId);
}
