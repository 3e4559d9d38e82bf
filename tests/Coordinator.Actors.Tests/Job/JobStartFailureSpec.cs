using Coordinator.Actors.Jobs;
using Coordinator.Actors.Tests.Support;

namespace Coordinator.Actors.Tests.Job;

/// <summary>
/// An exception while a job's actor starts is a bug, but it must never leave the caller waiting: the job ends failed,
/// naming the exception, and the coordinator goes on running jobs. The failures are injected past the validation that
/// normally prevents them.
/// </summary>
public sealed class JobStartFailureSpec : CoordinatorSpec
{
    [Fact]
    public async Task A_job_whose_actor_throws_in_its_constructor_ends_failed_and_the_next_job_still_runs()
    {
        // A default timeout no deadline can hold (validation allows at most 30 days): the job actor's constructor throws.
        Settings = FastSettings with { Job = new JobSettings { DefaultTimeout = TimeSpan.MaxValue } };

        var result = await RunAsync(Job("C:\\"));

        Assert.Equal(JobStatus.Failed, result.Status);
        Assert.StartsWith("internal error: ArgumentOutOfRangeException", result.Error!.Message);
        var next = await RunAsync(Job("C:\\") with { Timeout = TimeSpan.FromMinutes(1) });
        Assert.Equal(JobStatus.Succeeded, next.Status);
        AssertCleanHost();
    }

    [Fact]
    public async Task A_job_whose_actor_throws_in_PreStart_ends_failed_naming_the_cause()
    {
        // Sessions on a dispatcher that does not exist (the config check refuses it): starting the first one throws.
        Settings = FastSettings with { SessionDispatcher = "akka.actor.no-such-dispatcher" };

        var result = await RunAsync(Job("C:\\"));

        Assert.Equal(JobStatus.Failed, result.Status);
        Assert.StartsWith("internal error: ", result.Error!.Message);
        Assert.Contains("no-such-dispatcher", result.Error.Message);
        Assert.Equal(0, Host.Accounting.ObjectsCreated);
        AssertCleanHost();
    }
}
