using Coordinator.Actors.Jobs;
using Coordinator.Actors.Tests.Support;
using Coordinator.Vss;
using Coordinator.Vss.Simulated;

namespace Coordinator.Actors.Tests.Coordination;

public sealed class RetrySpec : CoordinatorSpec
{
    [Fact]
    public async Task Writer_infrastructure_error_in_GatherWriterMetadata_is_retried_on_a_new_components_object()
    {
        Host.Faults.Add(new CallFault(VssCallNames.GatherWriterMetadata, HResults.VSS_E_WRITER_INFRASTRUCTURE, times: 2));

        var result = await RunAsync(Job("C:\\"));

        Assert.Equal(JobStatus.Succeeded, result.Status);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, Recorder.Objects.Count);
        Assert.All(Recorder.Objects, o => Assert.Equal(1, o.Calls.Count(c => c == "GatherWriterMetadata")));
        Assert.Equal(2, result.Warnings.Count(w => w.Contains("VSS_E_WRITER_INFRASTRUCTURE")));
        AssertCleanHost();
    }

    [Fact]
    public async Task Writer_infrastructure_error_fails_the_job_when_the_budget_runs_out()
    {
        Host.Faults.Add(new CallFault(VssCallNames.GatherWriterMetadata, HResults.VSS_E_WRITER_INFRASTRUCTURE, times: CallFault.Always));

        var result = await RunAsync(Job("C:\\"));

        Assert.Equal(JobStatus.Failed, result.Status);
        Assert.Equal(Settings.Retry.MaxAttempts, result.Attempts);
        Assert.Equal(Settings.Retry.MaxAttempts, Host.Accounting.ObjectsCreated);
        Assert.Equal("GatherWriterMetadata", result.Error!.Operation);
        Assert.Equal("VSS_E_WRITER_INFRASTRUCTURE", result.Error.Name);
        Assert.Equal("0x80042318", result.Error.HResultHex);
        AssertCleanHost();
    }

    [Fact]
    public async Task Writer_infrastructure_error_in_GatherWriterStatus_is_retried_on_the_same_object_after_freeing()
    {
        Host.Faults.Add(new CallFault(VssCallNames.GatherWriterStatus, HResults.VSS_E_WRITER_INFRASTRUCTURE, times: 2, afterCall: VssCallNames.PrepareForBackup));

        var result = await RunAsync(Job("C:\\"));

        Assert.Equal(JobStatus.Succeeded, result.Status);
        Assert.Equal(1, result.Attempts);
        Assert.Single(Recorder.Objects);
        AssertCleanHost();
    }

    [Fact]
    public async Task Writer_infrastructure_error_after_a_successful_BackupComplete_leaves_the_backup_standing_with_a_warning()
    {
        Host.Faults.Add(new CallFault(VssCallNames.GatherWriterStatus, HResults.VSS_E_WRITER_INFRASTRUCTURE, times: CallFault.Always, afterCall: VssCallNames.BackupComplete));

        var result = await RunAsync(Job("C:\\"));

        Assert.Equal(JobStatus.Succeeded, result.Status);
        Assert.Contains(result.Warnings, w => w.Contains("VSS_E_WRITER_INFRASTRUCTURE") && w.Contains("BackupComplete"));
        AssertCleanHost();
    }

    [Fact]
    public async Task Retryable_writer_failure_restarts_the_whole_session_on_a_new_object()
    {
        Host.Faults.Add(new WriterFault("SqlServerWriter", WriterPhase.Freeze, HResults.VSS_E_WRITERERROR_RETRYABLE, times: 1));

        var result = await RunAsync(Job("C:\\", "D:\\"));

        Assert.Equal(JobStatus.Succeeded, result.Status);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, Host.Accounting.ObjectsCreated);
        Assert.DoesNotContain("BackupComplete", Recorder.Objects[0].Calls);
        AssertCleanHost();
    }

    [Fact]
    public async Task Non_retryable_writer_failure_fails_the_job_naming_the_writer_its_state_and_failure()
    {
        Host.Faults.Add(new WriterFault("SqlServerWriter", WriterPhase.Freeze, HResults.VSS_E_WRITERERROR_NONRETRYABLE, times: 1));

        var result = await RunAsync(Job("C:\\", "D:\\"));

        Assert.Equal(JobStatus.Failed, result.Status);
        Assert.Equal(1, result.Attempts);
        Assert.Equal("SqlServerWriter", result.Error!.Writer);
        Assert.Equal("VSS_E_WRITERERROR_NONRETRYABLE", result.Error.Name);
        Assert.Contains("VSS_WS_FAILED_AT_FREEZE", result.Error.Message);
        var sql = Assert.Single(result.Writers, w => w.Name == "SqlServerWriter");
        Assert.Equal(VssWriterState.FailedAtFreeze, sql.State);
        Assert.DoesNotContain("BackupComplete", Recorder.Objects.Single().Calls);
        AssertCleanHost();
    }

    [Fact]
    public async Task Access_denied_on_creation_is_an_environment_problem_and_is_not_retried()
    {
        Host.Faults.Add(new CallFault(VssCallNames.CreateVssBackupComponents, HResults.E_ACCESSDENIED, times: CallFault.Always));

        var result = await RunAsync(Job("C:\\"));

        Assert.Equal(JobStatus.Failed, result.Status);
        Assert.Equal(JobErrorKind.Environment, result.Error!.Kind);
        Assert.Equal("E_ACCESSDENIED", result.Error.Name);
        Assert.Equal(1, result.Attempts);
        AssertCleanHost();
    }
}
