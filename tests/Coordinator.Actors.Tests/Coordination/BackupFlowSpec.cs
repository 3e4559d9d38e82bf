using Coordinator.Actors.Jobs;
using Coordinator.Actors.Tests.Support;
using Coordinator.Vss;
using Coordinator.Vss.Simulated;

namespace Coordinator.Actors.Tests.Coordination;

public sealed class BackupFlowSpec : CoordinatorSpec
{
    [Fact]
    public async Task Job_snapshots_every_volume_in_one_set_runs_the_action_and_completes_every_writer()
    {
        SnapshotMapping? seen = null;
        var job = Job("c:", "D:\\") with { Action = new DelegateBackupAction((m, _) => { seen = m; return Task.CompletedTask; }) };

        var result = await RunAsync(job);

        Assert.Equal(JobStatus.Succeeded, result.Status);
        Assert.Null(result.Error);
        Assert.Equal(1, result.Attempts);
        Assert.Equal("simulated", result.Provider);
        Assert.NotNull(result.SnapshotSetId);
        Assert.Equal(["C:\\", "D:\\"], result.Volumes.Select(v => v.Volume));
        Assert.All(result.Volumes, v => Assert.StartsWith(@"\\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy", v.DeviceObject));
        Assert.Equal(result.SnapshotSetId, seen?.SnapshotSetId);
        Assert.Equal(result.Volumes, seen?.Volumes);
        Assert.NotEmpty(result.Writers);
        Assert.All(result.Writers, w => Assert.Equal(VssWriterState.Stable, w.State));
        Assert.Contains(result.Components, c => c.Writer == "SqlServerWriter" && c.Selected && c.Succeeded == true);
        Assert.Contains(result.Timings, t => t.Phase == "DoSnapshotSet");
        AssertCleanHost();
    }

    [Fact]
    public async Task Session_calls_the_requester_sequence_in_the_documented_order_on_one_thread()
    {
        var result = await RunAsync(Job("C:\\", "D:\\"));

        Assert.Equal(JobStatus.Succeeded, result.Status);
        var components = Assert.Single(Recorder.Objects);
        var calls = components.Calls.Where(c => c is not ("WriterMetadata" or "WriterStatus" or "IsVolumeSupported" or "AddComponent" or "DisableWriterInstances" or "GetSnapshotProperties" or "SetBackupSucceeded(true)" or "AddToSnapshotSet")).ToList();
        Assert.Equal(
            [
                "InitializeForBackup", "SetContext", "SetBackupState",
                "GatherWriterMetadata", "FreeWriterMetadata",
                "StartSnapshotSet",
                "PrepareForBackup", "GatherWriterStatus", "FreeWriterStatus",
                "DoSnapshotSet", "GatherWriterStatus", "FreeWriterStatus",
                "BackupComplete", "GatherWriterStatus", "FreeWriterStatus",
                "Dispose",
            ],
            calls);
        Assert.Single(components.Threads);
        Assert.NotEqual(Environment.CurrentManagedThreadId, components.Threads.Single());
        AssertCleanHost();
    }

    [Fact]
    public async Task Session_journals_the_snapshot_set_before_DoSnapshotSet_starts_and_marks_it_released()
    {
        var gate = Host.Faults.Block(VssCallNames.DoSnapshotSet);
        var run = RunAsync(Job("C:\\"));
        Assert.True(gate.WaitEntered(TimeSpan.FromSeconds(10)), "DoSnapshotSet was not reached");

        Assert.Contains(Journal.Events, e => e.StartsWith("recorded"));
        gate.Release();
        var result = await run;

        Assert.Equal(JobStatus.Succeeded, result.Status);
        Assert.Equal($"gone {result.SnapshotSetId} released", Journal.Events[^1]);
        AssertCleanHost();
    }

    [Fact]
    public async Task Persistent_job_keeps_its_snapshots_and_does_not_count_them_as_leaks()
    {
        var result = await RunAsync(Job("C:\\") with { Persistent = true });

        Assert.Equal(JobStatus.Succeeded, result.Status);
        Assert.Equal(1, Host.Accounting.PersistentSnapshotsAlive);
        Assert.DoesNotContain(Journal.Events, e => e.StartsWith("gone"));
        Assert.Contains("recorded", Journal.Events.Single());
        AssertCleanHost();
    }

    [Fact]
    public async Task Failed_persistent_job_deletes_its_snapshots()
    {
        var job = Job("C:\\") with { Persistent = true, Action = new DelegateBackupAction((_, _) => throw new IOException("target full")) };

        var result = await RunAsync(job);

        Assert.Equal(JobStatus.Failed, result.Status);
        Assert.Equal(0, Host.Accounting.SnapshotsAlive);
        Assert.EndsWith("deleted", Journal.Events[^1]);
        AssertCleanHost();
    }

    [Fact]
    public async Task GatherWriterMetadata_BackupComplete_and_GatherWriterStatus_never_overlap_even_with_latency()
    {
        foreach (var call in VssCallNames.Asynchronous)
        {
            Host.Latency.Set(call, TimeSpan.FromMilliseconds(15));
        }

        var result = await RunAsync(Job("C:\\", "D:\\"));

        Assert.Equal(JobStatus.Succeeded, result.Status);
        Assert.Empty(Recorder.Violations);
        AssertCleanHost();
    }

    [Fact]
    public async Task BackupComplete_is_always_followed_by_GatherWriterStatus_and_FreeWriterStatus()
    {
        var job = Job("C:\\") with { Action = new DelegateBackupAction((_, _) => throw new InvalidOperationException("boom")) };

        var result = await RunAsync(job);

        Assert.Equal(JobStatus.Failed, result.Status);
        var calls = Recorder.Objects.Single().Calls.ToList();
        var complete = calls.IndexOf("BackupComplete");
        Assert.True(complete > 0);
        Assert.Equal("GatherWriterStatus", calls.Skip(complete + 1).First(c => c != "WriterStatus"));
        Assert.Contains("FreeWriterStatus", calls.Skip(complete + 1));
        AssertCleanHost();
    }
}
