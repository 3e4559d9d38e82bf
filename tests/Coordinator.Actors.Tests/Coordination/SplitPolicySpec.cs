using Coordinator.Actors.Jobs;
using Coordinator.Actors.Tests.Support;
using Coordinator.Actors.Job;
using Coordinator.Vss;
using Coordinator.Vss.Simulated;

namespace Coordinator.Actors.Tests.Coordination;

public sealed class SplitPolicySpec : CoordinatorSpec
{
    private static readonly string[] SeventyVolumes = Enumerable.Range(0, 70).Select(i => $@"C:\Mount\{i:00}\").ToArray();

    public SplitPolicySpec()
        : base(new SimulatedVssHostOptions { Volumes = ["C:\\", "D:\\", .. SeventyVolumes] })
    {
        Settings = Settings with { Job = Settings.Job with { OversizePolicy = OversizePolicy.Split } };
    }

    [Fact]
    public void JobPlan_keeps_up_to_64_volumes_in_one_set_and_splits_the_rest_in_order()
    {
        var volumes = Enumerable.Range(0, 130).Select(i => $@"V:\{i}\").ToList();

        var sets = JobPlan.For(Job([.. volumes]), OversizePolicy.Split).Sets;

        Assert.Equal([64, 64, 2], sets.Select(s => s.Count));
        Assert.Equal(volumes, sets.SelectMany(s => s));
        Assert.Single(JobPlan.For(Job(volumes.Take(64).ToArray()), OversizePolicy.Refuse).Sets);
        var refused = Assert.Throws<JobValidationException>(() => JobPlan.For(Job([.. volumes]), OversizePolicy.Refuse));
        Assert.Contains("oversize-policy = split", refused.Message);
        AssertCleanHost();
    }

    [Fact]
    public async Task Split_job_holds_every_set_while_one_action_runs_over_all_of_them()
    {
        SnapshotMapping? seen = null;
        var aliveDuringAction = 0;
        var job = Job(SeventyVolumes) with
        {
            Action = new DelegateBackupAction((mapping, _) =>
            {
                seen = mapping;
                aliveDuringAction = Host.Accounting.SnapshotsAlive;
                return Task.CompletedTask;
            }),
        };

        var result = await RunAsync(job);

        Assert.Equal(JobStatus.Succeeded, result.Status);
        Assert.Equal(2, result.SnapshotSetIds.Count);
        Assert.Equal(result.SnapshotSetIds[0], result.SnapshotSetId);
        Assert.Equal(SeventyVolumes, result.Volumes.Select(v => v.Volume));
        Assert.Equal(70, seen!.Volumes.Count);
        Assert.Equal(70, aliveDuringAction);
        Assert.Equal(2, Host.Accounting.CallsOf(VssCallNames.StartSnapshotSet));
        Assert.Equal(2, Host.Accounting.CallsOf(VssCallNames.BackupComplete));
        Assert.Contains(result.Timings, t => t.Phase == "set 2: DoSnapshotSet");
        AssertCleanHost();
    }

    [Fact]
    public async Task A_retryable_failure_in_one_set_retries_the_whole_group_on_new_objects()
    {
        // The first DoSnapshotSet belongs to whichever set got the gate first; the other set is then cancelled.
        Host.Faults.Add(new CallFault(VssCallNames.DoSnapshotSet, HResults.VSS_E_UNEXPECTED_PROVIDER_ERROR, times: 1));

        var result = await RunAsync(Job(SeventyVolumes));

        Assert.Equal(JobStatus.Succeeded, result.Status);
        Assert.Equal(2, result.Attempts);
        // Attempt 2 used two new objects. The cancelled sibling of attempt 1 may never have created one: a session
        // whose token is already cancelled when it starts stops before its first step.
        Assert.InRange(Host.Accounting.ObjectsCreated, 3, 4);
        Assert.Equal(2, Recorder.Objects.TakeLast(2).Count(o => o.Calls.Contains("BackupComplete")));
        Assert.Equal(70, result.Volumes.Count);
        AssertCleanHost();
    }

    [Fact]
    public async Task A_failed_action_completes_every_set_as_failed()
    {
        var job = Job(SeventyVolumes) with { Action = new DelegateBackupAction((_, _) => throw new IOException("target full")) };

        var result = await RunAsync(job);

        Assert.Equal(JobStatus.Failed, result.Status);
        Assert.Equal(JobErrorKind.Action, result.Error!.Kind);
        Assert.Equal(2, Recorder.Objects.Count);
        Assert.All(Recorder.Objects, o =>
        {
            Assert.Contains("BackupComplete", o.Calls);
            Assert.DoesNotContain("SetBackupSucceeded(true)", o.Calls);
        });
        AssertCleanHost();
    }
}
