namespace Coordinator.Journal;

/// <summary>Job states as the journal stores them. Terminal states never change again.</summary>
public static class JobStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static bool IsTerminal(string state) => state is Succeeded or Failed or Cancelled;
}

/// <summary>One journaled job: its request and, once finished, its result document (both JSON).</summary>
public sealed record JobRecord(
    string Id,
    string Origin,
    string RequestJson,
    string Status,
    string? ResultJson,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    ProcessOwner? Owner = null);

/// <summary>
/// The process running a job: its id and start time (for people reading the journal) and the name of the lock it holds
/// while it lives (see <see cref="JournalOwnership"/>: what recovery asks to decide whether the job is still running).
/// </summary>
public sealed record ProcessOwner(int ProcessId, string StartedAt, string? Lock = null)
{
    public static ProcessOwner Current { get; } = Of(System.Diagnostics.Process.GetCurrentProcess());

    private static ProcessOwner Of(System.Diagnostics.Process process)
    {
        string started;
        try
        {
            started = process.StartTime.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            started = "";
        }
        return new ProcessOwner(process.Id, started);
    }
}

/// <summary>One progress event of a job, numbered from 1 per job (the SSE event id).</summary>
public sealed record JobEventRecord(string JobId, long Sequence, DateTimeOffset At, string Json);

/// <summary>A journaled snapshot set: recorded before DoSnapshotSet, marked gone when deleted or released.</summary>
public sealed record SnapshotSetRecord(
    Guid SetId,
    string JobId,
    bool Persistent,
    DateTimeOffset RecordedAt,
    DateTimeOffset? GoneAt,
    string? GoneHow,
    IReadOnlyList<JournaledSnapshot> Snapshots);

public sealed record JournaledSnapshot(Guid SnapshotId, string Volume);
