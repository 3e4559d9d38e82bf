using Coordinator.Actors.Gate;
using Coordinator.Actors.Jobs;
using Coordinator.Actors.Session;
using Coordinator.Actors.Tests.Support;
using Akka.Actor;

namespace Coordinator.Actors.Tests.Session;

/// <summary>
/// The SessionActor on its own, under a parent that only passes its reports on: what it tells the job, and when it
/// waits for the job.
/// </summary>
public sealed class SessionActorSpec : CoordinatorSpec
{
    [Fact]
    public void SessionActor_of_a_job_with_nothing_to_run_completes_the_backup_without_waiting_for_the_job()
    {
        var reports = CreateTestProbe();
        Sys.ActorOf(Props.Create(() => new PassOnParent(Spec(completeWhenReady: true), reports.Ref)));

        var succeeded = reports.ExpectMsg<SessionActor.SessionSucceeded>();

        Assert.NotNull(succeeded.Outcome.SnapshotSetId);
        Assert.Equal(["C:\\", "D:\\"], succeeded.Outcome.Volumes.Select(v => v.Volume));
        var calls = Assert.Single(Recorder.Objects).Calls;
        Assert.Equal(["BackupComplete", "GatherWriterStatus", "WriterStatus", "FreeWriterStatus", "Dispose"], calls.SkipWhile(c => c != "BackupComplete"));
        reports.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        AssertCleanHost();
    }

    [Fact]
    public void SessionActor_of_a_job_with_an_action_holds_its_snapshots_until_told_to_complete()
    {
        var reports = CreateTestProbe();
        Sys.ActorOf(Props.Create(() => new PassOnParent(Spec(completeWhenReady: false), reports.Ref)));

        var ready = reports.ExpectMsg<SessionActor.SnapshotsReady>();
        var session = reports.LastSender;
        reports.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.DoesNotContain("BackupComplete", Assert.Single(Recorder.Objects).Calls);

        session.Tell(new SessionActor.CompleteBackup(null));
        var succeeded = reports.ExpectMsg<SessionActor.SessionSucceeded>();
        Assert.Equal(ready.SnapshotSetId, succeeded.Outcome.SnapshotSetId);
        Assert.Contains("BackupComplete", Assert.Single(Recorder.Objects).Calls);
        AssertCleanHost();
    }

    private SessionArgs Spec(bool completeWhenReady)
    {
        var job = Job("C:\\", "D:\\");
        var gate = CoordinatorActors.StartGate(Sys, Settings);
        return new SessionArgs(
            new JobServices(Recorder, Settings, Journal, gate, TimeProvider.System), job, job.Volumes, Attempt: 1, DateTimeOffset.UtcNow.AddMinutes(1),
            CancellationToken.None, ReportProgress: false, CompleteWhenReady: completeWhenReady);
    }

    /// <summary>Starts one session as its child and passes on everything the session tells it.</summary>
    private sealed class PassOnParent : ReceiveActor
    {
        public PassOnParent(SessionArgs spec, IActorRef reports)
        {
            Context.ActorOf(SessionActor.Props(spec), "session");
            ReceiveAny(message => reports.Forward(message));
        }
    }
}
