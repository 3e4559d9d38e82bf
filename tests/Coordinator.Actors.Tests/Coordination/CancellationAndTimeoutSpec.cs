using Akka.Actor;
using Coordinator.Actors.Jobs;
using Coordinator.Actors.Tests.Support;
using Coordinator.Vss;
using Coordinator.Vss.Simulated;

namespace Coordinator.Actors.Tests.Coordination;

public sealed class CancellationAndTimeoutSpec : CoordinatorSpec
{
    public static TheoryData<string> BlockableSteps => new()
    {
        VssCallNames.GatherWriterMetadata,
        VssCallNames.PrepareForBackup,
        VssCallNames.DoSnapshotSet,
        VssCallNames.BackupComplete,
        VssCallNames.GatherWriterStatus,
    };

    [Theory]
    [MemberData(nameof(BlockableSteps))]
    public async Task Job_cancelled_during_an_asynchronous_step_ends_cancelled_with_everything_cleaned_up(string step)
    {
        var gate = Host.Faults.Block(step);
        using var cts = new CancellationTokenSource();

        var run = RunAsync(Job("C:\\", "D:\\"), cts.Token);
        Assert.True(gate.WaitEntered(TimeSpan.FromSeconds(10)), $"{step} was not reached");
        cts.Cancel();
        var result = await run;
        gate.Release();

        if (step is VssCallNames.BackupComplete or VssCallNames.GatherWriterStatus)
        {
            // The first GatherWriterStatus runs after PrepareForBackup: still cancellable. After BackupComplete
            // has started the backup is finishing; either way nothing may be left behind.
            Assert.True(result.Status is JobStatus.Cancelled or JobStatus.Succeeded, result.Status.ToString());
        }
        else
        {
            Assert.Equal(JobStatus.Cancelled, result.Status);
        }
        if (step is VssCallNames.PrepareForBackup or VssCallNames.DoSnapshotSet)
        {
            Assert.Contains("AbortBackup", Recorder.Objects.Single().Calls);
        }
        AssertCleanHost();
    }

    [Fact]
    public async Task Job_cancelled_during_the_backup_action_completes_the_backup_as_failed_and_ends_cancelled()
    {
        var started = new TaskCompletionSource();
        using var cts = new CancellationTokenSource();
        var job = Job("C:\\") with
        {
            Action = new DelegateBackupAction(async (_, token) =>
            {
                started.SetResult();
                await Task.Delay(Timeout.Infinite, token);
            }),
        };

        var run = RunAsync(job, cts.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        cts.Cancel();
        var result = await run;

        Assert.Equal(JobStatus.Cancelled, result.Status);
        var calls = Recorder.Objects.Single().Calls;
        Assert.Contains("SetBackupSucceeded(false)", calls);
        Assert.Contains("BackupComplete", calls);
        AssertCleanHost();
    }

    [Fact]
    public async Task Job_cancelled_while_waiting_for_the_snapshot_gate_withdraws_and_cleans_up()
    {
        var holder = Host.Faults.Block(VssCallNames.DoSnapshotSet);
        var first = RunAsync(Job("C:\\"));
        Assert.True(holder.WaitEntered(TimeSpan.FromSeconds(10)));
        using var cts = new CancellationTokenSource();

        var second = RunAsync(Job("D:\\"), cts.Token);
        await AwaitConditionAsync(async () => (await Coordinator.Gate!.Ask<Gate.SnapshotGate.State>(Gate.SnapshotGate.GetState.Instance, TimeSpan.FromSeconds(3))).Waiting.Count == 1, TimeSpan.FromSeconds(10));
        cts.Cancel();
        var cancelled = await second;
        holder.Release();
        var completed = await first;

        Assert.Equal(JobStatus.Cancelled, cancelled.Status);
        Assert.Equal(JobStatus.Succeeded, completed.Status);
        Assert.Equal(1, Host.Accounting.CallsOf(VssCallNames.StartSnapshotSet));
        AssertCleanHost();
    }

    [Theory]
    [InlineData(VssCallNames.GatherWriterMetadata)]
    [InlineData(VssCallNames.PrepareForBackup)]
    [InlineData(VssCallNames.DoSnapshotSet)]
    [InlineData(VssCallNames.BackupComplete)]
    public async Task An_asynchronous_operation_past_its_deadline_is_cancelled_aborted_and_named(string step)
    {
        var deadline = TimeSpan.FromMilliseconds(150);
        Settings = Settings with
        {
            Timeouts = Settings.Timeouts with { GatherWriterMetadata = deadline, PrepareForBackup = deadline, DoSnapshotSet = deadline, BackupComplete = deadline },
        };
        var gate = Host.Faults.Block(step);

        var result = await RunAsync(Job("C:\\"));
        gate.Release();

        Assert.Equal(JobStatus.Failed, result.Status);
        Assert.Equal(JobErrorKind.Timeout, result.Error!.Kind);
        Assert.Equal(step, result.Error.Operation);
        Assert.Contains(step, result.Error.Message);
        if (step is VssCallNames.PrepareForBackup or VssCallNames.DoSnapshotSet)
        {
            Assert.Contains("AbortBackup", Recorder.Objects.Single().Calls);
        }
        AssertCleanHost();
    }

    [Fact]
    public async Task Job_past_its_overall_deadline_during_the_action_fails_as_a_timeout_naming_the_action()
    {
        var job = Job("C:\\") with
        {
            Timeout = TimeSpan.FromMilliseconds(200),
            Action = new DelegateBackupAction((_, token) => Task.Delay(Timeout.Infinite, token)),
        };

        var result = await RunAsync(job);

        Assert.Equal(JobStatus.Failed, result.Status);
        Assert.Equal(JobErrorKind.Timeout, result.Error!.Kind);
        Assert.Equal("BackupAction", result.Error.Operation);
        Assert.Equal("timed out in BackupAction after 200 ms: the job was cancelled and cleaned up", result.Error.Message);
        AssertCleanHost();
    }

    [Theory]
    [InlineData(VssCallNames.GatherWriterMetadata)]
    [InlineData(VssCallNames.PrepareForBackup)]
    [InlineData(VssCallNames.DoSnapshotSet)]
    public async Task Job_past_its_overall_deadline_in_a_VSS_operation_names_that_operation(string step)
    {
        var gate = Host.Faults.Block(step);

        var result = await RunAsync(Job("C:\\") with { Timeout = TimeSpan.FromMilliseconds(300) });
        gate.Release();

        Assert.Equal(JobErrorKind.Timeout, result.Error!.Kind);
        Assert.Equal(step, result.Error.Operation);
        Assert.StartsWith($"timed out in {step} after 300 ms", result.Error.Message);
        AssertCleanHost();
    }

    [Fact]
    public async Task Job_whose_deadline_passed_before_its_actor_started_answers_timeout_instead_of_hanging()
    {
        // Akka refuses a negative timer delay: a deadline already past in PreStart must still fire.
        var result = await RunAsync(Job("C:\\") with { Timeout = TimeSpan.FromTicks(1) });

        Assert.Equal(JobStatus.Failed, result.Status);
        Assert.Equal(JobErrorKind.Timeout, result.Error!.Kind);
        AssertCleanHost();
    }

    [Fact]
    public async Task Disposing_the_coordinator_cancels_a_job_blocked_in_a_VSS_wait_and_waits_for_its_cleanup()
    {
        var gate = Host.Faults.Block(VssCallNames.DoSnapshotSet);
        var run = RunAsync(Job("C:\\", "D:\\"));
        Assert.True(gate.WaitEntered(TimeSpan.FromSeconds(10)), "DoSnapshotSet was not reached");

        await Coordinator.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

        // By the time DisposeAsync returns the job has cleaned up (aborted, released), well before the 5-minute
        // deadline of the blocked DoSnapshotSet.
        Assert.Equal(0, Host.Accounting.ObjectsNotReleased);
        Assert.Contains("AbortBackup", Recorder.Objects.Single().Calls);
        var result = await run.WaitAsync(TimeSpan.FromSeconds(5));
        gate.Release();
        Assert.Equal(JobStatus.Cancelled, result.Status);
        Assert.Contains("AbortBackup", Recorder.Objects.Single().Calls);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Coordinator.RunAsync(Job("C:\\"), null, CancellationToken.None));
        AssertCleanHost();
    }
}
