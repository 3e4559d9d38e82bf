using System.Text.Json.Serialization;
using Coordinator.Actors.Jobs;
using Coordinator.Vss;

namespace Coordinator.Output;

/// <summary>
/// A job's result as scripts see it: the CLI's <c>--json</c> output and the server's <c>GET /api/jobs/{id}</c>
/// body are this one document. Scripts depend on the field names: add fields, never rename.
/// </summary>
public sealed record JsonResultDocument
{
    public required string JobId { get; init; }

    /// <summary>succeeded | failed | cancelled (and queued | running on the server before the job ends).</summary>
    public required string Status { get; init; }

    public ErrorDocument? Error { get; init; }

    public int Attempts { get; init; }

    public Guid? SnapshotSetId { get; init; }

    public bool Persistent { get; init; }

    public IReadOnlyList<VolumeDocument> Volumes { get; init; } = [];

    public IReadOnlyList<WriterDocument> Writers { get; init; } = [];

    public IReadOnlyList<ComponentDocument> Components { get; init; } = [];

    public IReadOnlyList<TimingDocument> Timings { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public string? Provider { get; init; }

    /// <summary>Only for the simulated provider.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SimulatorAccountingDocument? Simulator { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? SubmittedAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? StartedAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? FinishedAt { get; init; }

    public static string StatusName(JobStatus status) => status switch
    {
        JobStatus.Succeeded => "succeeded",
        JobStatus.Failed => "failed",
        JobStatus.Cancelled => "cancelled",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static JsonResultDocument From(BackupResult result, bool persistent, SimulatorAccountingDocument? simulator) => new()
    {
        JobId = result.JobId,
        Status = StatusName(result.Status),
        Error = result.Error is null ? null : ErrorDocument.From(result.Error),
        Attempts = result.Attempts,
        SnapshotSetId = result.SnapshotSetId,
        Persistent = persistent,
        Volumes = result.Volumes.Select(v => new VolumeDocument(v.Volume, v.SnapshotId, v.DeviceObject)).ToList(),
        Writers = result.Writers.Select(WriterDocument.From).ToList(),
        Components = result.Components.Select(c => new ComponentDocument(c.Writer, c.Path, c.Selected, c.Succeeded, c.Reason)).ToList(),
        Timings = result.Timings.Select(t => new TimingDocument(t.Phase, Math.Round(t.Duration.TotalMilliseconds, 1))).ToList(),
        Warnings = result.Warnings,
        Provider = result.Provider,
        Simulator = simulator,
    };

    /// <summary>A job that failed before or outside the actors (bad input found late, crash recovery, internal fault).</summary>
    public static JsonResultDocument Failure(string jobId, string kind, string operation, string message, string? provider, bool persistent) => new()
    {
        JobId = jobId,
        Status = "failed",
        Error = new ErrorDocument(kind, operation, null, kind, null, message),
        Provider = provider,
        Persistent = persistent,
    };
}

/// <summary>Why a job failed. <c>hresult</c> is hex ("0x80042318"), <c>name</c> its documented name.</summary>
public sealed record ErrorDocument(string Kind, string Operation, string? Hresult, string Name, string? Writer, string Message)
{
    public static ErrorDocument From(JobError error) => new(
        error.Kind.ToString().ToLowerInvariant(),
        error.Operation,
        error.HResult == 0 ? null : error.HResultHex,
        error.Name,
        error.Writer,
        error.Message);
}

public sealed record VolumeDocument(string Volume, Guid SnapshotId, string DeviceObject);

/// <summary>A writer's final state; <c>failure</c> is its failure HRESULT in hex, null when none.</summary>
public sealed record WriterDocument(string Name, Guid ClassId, Guid InstanceId, string State, string? Failure, string? FailureName)
{
    public static WriterDocument From(WriterOutcome writer) => new(
        writer.Name, writer.ClassId, writer.InstanceId, writer.StateName,
        writer.Failure == 0 ? null : VssErrorCatalog.ToHex(writer.Failure), writer.FailureName);
}

public sealed record ComponentDocument(string Writer, string Path, bool Selected, bool? Succeeded, string? Reason);

public sealed record TimingDocument(string Phase, double Milliseconds);
