using Coordinator.Actors.Jobs;
using Coordinator.Vss;
using Coordinator.Vss.Simulated;

namespace Coordinator.Actors.Tests.Soak;

/// <summary>
/// One drawn fault scenario of the soak and the outcome the coordinator's policy promises for it. The promises
/// are those FaultMatrixSpec and CancellationAndTimeoutSpec check one at a time; the soak checks them at volume,
/// concurrently, and checks nothing is left behind.
/// </summary>
public abstract record SoakScenario
{
    /// <summary>The catalogue family, for the summary's counts.</summary>
    public abstract string Family { get; }

    public abstract SoakExpectation Expected(int maxAttempts);
}

/// <summary>What a job must end as; null members are not checked.</summary>
public sealed record SoakExpectation(JobStatus Status, int? Attempts = null, JobErrorKind? Kind = null, string? Operation = null, int? HResult = null, string? Writer = null)
{
    /// <summary>Null when <paramref name="result"/> is consistent with this expectation, else what differs.</summary>
    public string? Mismatch(BackupResult result)
    {
        var differences = new List<string>();
        if (result.Status != Status)
        {
            differences.Add($"status {result.Status}, expected {Status}");
        }
        if (Attempts is { } attempts && result.Attempts != attempts)
        {
            differences.Add($"attempts {result.Attempts}, expected {attempts}");
        }
        if (Kind is { } kind && result.Error?.Kind != kind)
        {
            differences.Add($"error kind {result.Error?.Kind}, expected {kind}");
        }
        if (Operation is { } operation && result.Error?.Operation != operation)
        {
            differences.Add($"operation {result.Error?.Operation}, expected {operation}");
        }
        if (HResult is { } hresult && result.Error?.HResult != hresult)
        {
            differences.Add($"hresult {VssErrorCatalog.ToHex(result.Error?.HResult ?? 0)}, expected {VssErrorCatalog.ToHex(hresult)}");
        }
        if (Writer is { } writer && result.Error?.Writer != writer)
        {
            differences.Add($"writer {result.Error?.Writer}, expected {writer}");
        }
        return differences.Count == 0 ? null : string.Join("; ", differences) + $" ({result.Error?.Message})";
    }
}

public sealed record CleanRun : SoakScenario
{
    public override string Family => "clean";

    public override SoakExpectation Expected(int maxAttempts) => new(JobStatus.Succeeded, Attempts: 1);
}

/// <summary>A call fails <paramref name="Times"/> times with <paramref name="HResult"/> (infrastructure errors among them).</summary>
public sealed record CallFailure(string Step, int HResult, int Times) : SoakScenario
{
    public override string Family => HResult == HResults.VSS_E_WRITER_INFRASTRUCTURE ? "writer-infrastructure" : "call-fault";

    public override SoakExpectation Expected(int maxAttempts)
    {
        // The same policy FaultMatrixSpec states, generalised to Times for the session-retryable codes.
        if (HResult == HResults.VSS_E_SNAPSHOT_SET_IN_PROGRESS && Step == VssCallNames.StartSnapshotSet)
        {
            return new(JobStatus.Succeeded, Attempts: 1);
        }
        if (Step is VssCallNames.FreeWriterMetadata or VssCallNames.FreeWriterStatus)
        {
            return new(JobStatus.Succeeded, Attempts: 1);
        }
        if (HResult == HResults.VSS_E_WRITER_INFRASTRUCTURE && Step == VssCallNames.GatherWriterStatus)
        {
            return new(JobStatus.Succeeded, Attempts: 1);
        }
        if (VssErrorCatalog.ClassOf(HResult) == VssErrorClass.RetrySession && Times < maxAttempts)
        {
            return new(JobStatus.Succeeded, Attempts: Times + 1);
        }
        return new(JobStatus.Failed, Operation: Step, HResult: HResult);
    }
}

/// <summary>A writer fails one phase once.</summary>
public sealed record WriterFailure(WriterPhase Phase, int HResult) : SoakScenario
{
    public const string Writer = "SqlServerWriter";

    public override string Family => "writer-failure";

    public override SoakExpectation Expected(int maxAttempts)
    {
        if (Phase == WriterPhase.BackupComplete)
        {
            // The data is backed up before BackupComplete: reported as a warning, not undone.
            return new(JobStatus.Succeeded, Attempts: 1);
        }
        return VssErrorCatalog.ClassOf(HResult) == VssErrorClass.RetrySession
            ? new(JobStatus.Succeeded, Attempts: 2)
            : new(JobStatus.Failed, HResult: HResult, Writer: Writer);
    }
}

/// <summary>An asynchronous operation never completes (a closed gate) and its short deadline passes.</summary>
public sealed record OperationTimeout(string Operation) : SoakScenario
{
    public override string Family => "timeout";

    public override SoakExpectation Expected(int maxAttempts) => new(JobStatus.Failed, Kind: JobErrorKind.Timeout, Operation: Operation);
}

/// <summary>The job is cancelled while <paramref name="Operation"/> is pending, or during the action when null.</summary>
public sealed record Cancellation(string? Operation) : SoakScenario
{
    public override string Family => "cancellation";

    public override SoakExpectation Expected(int maxAttempts) => new(JobStatus.Cancelled);
}

/// <summary>A foreign requester holds the host's snapshot-set creation until the job has met it.</summary>
public sealed record ForeignContention : SoakScenario
{
    public override string Family => "in-progress-contention";

    public override SoakExpectation Expected(int maxAttempts) => new(JobStatus.Succeeded, Attempts: 1);
}

/// <summary>The backup action throws.</summary>
public sealed record ActionFailure : SoakScenario
{
    public override string Family => "action-failure";

    public override SoakExpectation Expected(int maxAttempts) => new(JobStatus.Failed, Kind: JobErrorKind.Action);
}
