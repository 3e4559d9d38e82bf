using Coordinator.Actors.Jobs;
using Coordinator.Actors.Tests.Support;
using Coordinator.Vss;
using Coordinator.Vss.Simulated;

namespace Coordinator.Actors.Tests.Coordination;

public sealed class ConcurrencySpec : CoordinatorSpec
{
    public ConcurrencySpec()
        : base(new SimulatedVssHostOptions { Volumes = ["C:\\", "D:\\", "E:\\", "F:\\"] })
    {
    }

    [Theory]
    [InlineData(DispatcherConfig.GateDispatcherId)]
    [InlineData("akka.actor.default-dispatcher")]
    public async Task Eight_concurrent_jobs_over_overlapping_and_disjoint_volumes_all_succeed_without_colliding(string gateDispatcher)
    {
        Settings = Settings with { GateDispatcher = gateDispatcher };
        Host.Latency.Set(VssCallNames.PrepareForBackup, TimeSpan.FromMilliseconds(5));
        Host.Latency.Set(VssCallNames.DoSnapshotSet, TimeSpan.FromMilliseconds(10));
        string[][] sets = [["C:\\"], ["C:\\", "D:\\"], ["E:\\"], ["F:\\"], ["D:\\", "E:\\"], ["C:\\", "F:\\"], ["E:\\", "F:\\"], ["C:\\", "D:\\", "E:\\", "F:\\"]];

        var results = await Task.WhenAll(sets.Select(volumes => RunAsync(Job(volumes))));

        Assert.All(results, r => Assert.Equal(JobStatus.Succeeded, r.Status));
        // Each job started exactly one set: none of ours ever met VSS_E_SNAPSHOT_SET_IN_PROGRESS.
        Assert.Equal(sets.Length, Host.Accounting.CallsOf(VssCallNames.StartSnapshotSet));
        Assert.Equal(sets.Length, results.Select(r => r.SnapshotSetId).Distinct().Count());
        AssertCleanHost();
    }

    [Fact]
    public void A_gate_dispatcher_that_is_not_configured_is_refused_by_name()
    {
        Settings = Settings with { GateDispatcher = "akka.actor.no-such-gate-dispatcher" };

        var error = Assert.Throws<Akka.Configuration.ConfigurationException>(() => Coordinator);

        Assert.Contains("akka.actor.no-such-gate-dispatcher", error.Message);
        AssertCleanHost();
    }

    [Fact]
    public async Task Another_requesters_snapshot_set_in_progress_is_waited_out_with_jitter()
    {
        var foreignReady = new ManualResetEventSlim();
        var releaseForeign = new ManualResetEventSlim();
        var foreign = new Thread(() =>
        {
            // Another requester on the same host, on its own thread as COM requires.
            using var components = Host.CreateFactory().CreateVssBackupComponents();
            components.InitializeForBackup();
            components.SetBackupState(false, false, VssBackupType.Full, false);
            components.StartSnapshotSet();
            foreignReady.Set();
            releaseForeign.Wait();
            components.AbortBackup();
        });
        foreign.Start();
        foreignReady.Wait(TimeSpan.FromSeconds(10));

        var run = RunAsync(Job("C:\\"));
        await AwaitConditionAsync(() => Task.FromResult(Host.Accounting.CallsOf(VssCallNames.StartSnapshotSet) >= 3), TimeSpan.FromSeconds(10));
        releaseForeign.Set();
        var result = await run;
        foreign.Join();

        Assert.Equal(JobStatus.Succeeded, result.Status);
        Assert.Equal(1, result.Attempts);
        Assert.Contains(Progress, p => p.Message.Contains("another requester"));
        AssertCleanHost();
    }

    [Fact]
    public async Task Another_requesters_set_that_outlasts_the_job_deadline_fails_the_job_cleanly()
    {
        using var foreignReady = new ManualResetEventSlim();
        using var releaseForeign = new ManualResetEventSlim();
        var foreign = new Thread(() =>
        {
            using var components = Host.CreateFactory().CreateVssBackupComponents();
            components.InitializeForBackup();
            components.StartSnapshotSet();
            foreignReady.Set();
            releaseForeign.Wait();
            components.AbortBackup();
        });
        foreign.Start();
        foreignReady.Wait(TimeSpan.FromSeconds(10));
        try
        {
            var result = await RunAsync(Job("C:\\") with { Timeout = TimeSpan.FromMilliseconds(300) });

            Assert.Equal(JobStatus.Failed, result.Status);
            Assert.True(result.Error!.Name == "VSS_E_SNAPSHOT_SET_IN_PROGRESS" || result.Error.Kind == JobErrorKind.Timeout, result.Error.Message);
        }
        finally
        {
            releaseForeign.Set();
            foreign.Join();
        }
        AssertCleanHost();
    }
}
