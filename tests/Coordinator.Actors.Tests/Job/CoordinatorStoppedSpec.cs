using Akka.Actor;
using Akka.TestKit.Xunit2;
using Coordinator.Actors.Jobs;

namespace Coordinator.Actors.Tests.Job;

/// <summary>A job handed to an actor system that then stops, with nobody left to answer it, still ends for its caller.</summary>
public sealed class CoordinatorStoppedSpec : TestKit
{
    [Fact]
    public async Task A_job_whose_supervisor_is_gone_ends_cancelled_when_the_actor_system_terminates()
    {
        // A supervisor that never answers: the job is told into the void, as to a system shutting down.
        var nobody = Sys.ActorOf(Props.Create(() => new Silent()));
        var coordinator = new ActorBackupCoordinator(Sys, Task.FromResult(nobody));

        var run = coordinator.RunAsync(BackupJob.Create(BackupJob.NewId(), ["C:\\"]), null, CancellationToken.None);
        Assert.False(run.IsCompleted);
        await Sys.Terminate();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(JobStatus.Cancelled, result.Status);
        Assert.Contains("the actor system stopped", result.Error!.Message);
    }

    private sealed class Silent : ReceiveActor
    {
        public Silent() => ReceiveAny(_ => { });
    }
}
