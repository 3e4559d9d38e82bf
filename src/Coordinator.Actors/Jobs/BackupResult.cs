using Coordinator.Vss;

namespace Coordinator.Actors.Jobs;

public enum JobStatus
{
    Succeeded,
    Failed,
    Cancelled,
}

/// <summary>What kind of failure ended a job; the CLI maps it to an exit code.</summary>
public enum JobErrorKind
{
    /// <summary>A VSS call or a writer failed.</summary>
    Vss,

    /// <summary>The job itself is wrong: unknown, duplicate or unsupported volume, unknown writer, missing program.</summary>
    Input,

    /// <summary>The backup action failed (non-zero exit, exception).</summary>
    Action,

    /// <summary>A VSS operation or the job missed its deadline.</summary>
    Timeout,

    /// <summary>The machine cannot run a backup: VSS absent, privileges missing.</summary>
    Environment,

    /// <summary>The job was cancelled.</summary>
    Cancelled,
}

/// <summary>Why a job failed: the operation, the HRESULT (name and hex) and the writer where there is one.</summary>
public sealed record JobError(JobErrorKind Kind, string Operation, int HResult, string? Writer, string Message)
{
    /// <summary>The backup action's exit code, when an external program failed.</summary>
    public int? ExitCode { get; init; }

    /// <summary>For an input error: the part of the job that is wrong, for front ends to name in their own words.</summary>
    public JobField? Field { get; init; }

    public string Name => HResult == 0 ? Kind.ToString() : VssErrorCatalog.NameOf(HResult);

    public string HResultHex => VssErrorCatalog.ToHex(HResult);

    public static JobError FromVss(VssException ex, JobErrorKind kind = JobErrorKind.Vss) =>
        new(kind, ex.Operation, ex.HResult, ex.Writer, ex.Message);
}

/// <summary>A writer's final state after the job (from the last GatherWriterStatus).</summary>
public sealed record WriterOutcome(string Name, Guid ClassId, Guid InstanceId, VssWriterState State, int Failure)
{
    public string StateName => State.ToVssName();

    public string? FailureName => Failure == 0 ? null : VssErrorCatalog.NameOf(Failure);
}

/// <summary>A component's outcome: selected or excluded (and why), and whether its backup succeeded.</summary>
public sealed record ComponentOutcome(string Writer, string Path, bool Selected, bool? Succeeded, string? Reason);

/// <summary>How long one phase took in the final attempt (e.g. "GatherWriterMetadata").</summary>
public sealed record PhaseTiming(string Phase, TimeSpan Duration);

/// <summary>The complete result of a job, as the CLI's --json and the server's GET /api/jobs/{id} show it.</summary>
public sealed record BackupResult(
    string JobId,
    JobStatus Status,
    JobError? Error,
    int Attempts,
    Guid? SnapshotSetId,
    IReadOnlyList<VolumeSnapshot> Volumes,
    IReadOnlyList<WriterOutcome> Writers,
    IReadOnlyList<ComponentOutcome> Components,
    IReadOnlyList<PhaseTiming> Timings,
    IReadOnlyList<string> Warnings,
    string Provider)
{
    /// <summary>Every snapshot set of the job: one, or several when a job of more than 64 volumes was split by policy.</summary>
    public IReadOnlyList<Guid> SnapshotSetIds { get; init; } = SnapshotSetId is { } id ? [id] : [];
}
