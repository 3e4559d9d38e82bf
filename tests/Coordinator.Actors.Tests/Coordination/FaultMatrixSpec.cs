using Coordinator.Actors.Jobs;
using Coordinator.Actors.Tests.Support;
using Coordinator.Vss;
using Coordinator.Vss.Simulated;

namespace Coordinator.Actors.Tests.Coordination;

/// <summary>
/// One test per (step × injected fault class), generated: every step of the requester sequence meets a transient
/// session-retryable error, a never-retry error and a step-retryable error once; every writer phase meets a
/// retryable and a non-retryable writer failure. Each asserts the final state the policy promises, and the base
/// class asserts zero leaks and zero wrong-thread calls.
/// </summary>
public sealed class FaultMatrixSpec : CoordinatorSpec
{
    public static TheoryData<string, string> CallFaults()
    {
        var data = new TheoryData<string, string>();
        foreach (var step in RequesterFaults.Steps)
        {
            foreach (var code in RequesterFaults.CallFaultCodes)
            {
                data.Add(step, VssErrorCatalog.NameOf(code));
            }
        }
        return data;
    }

    public static TheoryData<WriterPhase, string> WriterFaults()
    {
        var data = new TheoryData<WriterPhase, string>();
        foreach (var phase in Enum.GetValues<WriterPhase>())
        {
            data.Add(phase, "VSS_E_WRITERERROR_RETRYABLE");
            data.Add(phase, "VSS_E_WRITERERROR_NONRETRYABLE");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CallFaults))]
    public async Task Call_fault_once_ends_in_the_state_the_retry_policy_promises(string step, string code)
    {
        Assert.True(VssErrorCatalog.TryParse(code, out var hresult));
        Host.Faults.Add(new CallFault(step, hresult, times: 1));

        var result = await RunAsync(Job("C:\\", "D:\\"));

        var (status, attempts) = Expected(step, hresult);
        Assert.True(status == result.Status, $"{step} × {code}: expected {status}, got {result.Status} ({result.Error?.Message})");
        if (status == JobStatus.Succeeded)
        {
            Assert.Equal(attempts, result.Attempts);
        }
        else
        {
            Assert.Equal(hresult, result.Error!.HResult);
            Assert.Equal(step, result.Error.Operation);
        }
        Assert.Equal(0, Host.Accounting.NonPersistentSnapshotsAlive);
        AssertCleanHost();
    }

    [Theory]
    [MemberData(nameof(WriterFaults))]
    public async Task Writer_failure_once_ends_in_the_state_the_retry_policy_promises(WriterPhase phase, string code)
    {
        Assert.True(VssErrorCatalog.TryParse(code, out var hresult));
        Host.Faults.Add(new WriterFault("SqlServerWriter", phase, hresult, times: 1));

        var result = await RunAsync(Job("C:\\", "D:\\"));

        var retryable = VssErrorCatalog.ClassOf(hresult) == VssErrorClass.RetrySession;
        if (phase == WriterPhase.BackupComplete)
        {
            // The data is backed up before BackupComplete; a writer failing there is reported, not undone.
            Assert.Equal(JobStatus.Succeeded, result.Status);
            Assert.Contains(result.Warnings, w => w.Contains("SqlServerWriter"));
        }
        else if (retryable)
        {
            Assert.Equal(JobStatus.Succeeded, result.Status);
            Assert.Equal(2, result.Attempts);
        }
        else
        {
            Assert.Equal(JobStatus.Failed, result.Status);
            Assert.Equal("SqlServerWriter", result.Error!.Writer);
            Assert.Equal(hresult, result.Error.HResult);
            Assert.Contains("VSS_WS_FAILED_AT_", result.Error.Message);
        }
        AssertCleanHost();
    }

    private static (JobStatus Status, int Attempts) Expected(string step, int hresult)
    {
        if (hresult == HResults.VSS_E_SNAPSHOT_SET_IN_PROGRESS && step == VssCallNames.StartSnapshotSet)
        {
            return (JobStatus.Succeeded, 1);
        }
        if (step is VssCallNames.FreeWriterMetadata or VssCallNames.FreeWriterStatus)
        {
            // What was read stays valid; the free is tried again (before the next gather, and at cleanup).
            return (JobStatus.Succeeded, 1);
        }
        if (hresult == HResults.VSS_E_WRITER_INFRASTRUCTURE && step == VssCallNames.GatherWriterStatus)
        {
            return (JobStatus.Succeeded, 1);
        }
        return VssErrorCatalog.ClassOf(hresult) == VssErrorClass.RetrySession ? (JobStatus.Succeeded, 2) : (JobStatus.Failed, 1);
    }
}
