namespace Coordinator.Actors.Diagnostics;

/// <summary>
/// The least possible makespan of K identical jobs started together on one host, given the requester sequence's
/// latencies and VSS's one rule that serialises jobs: one snapshot-set creation per machine, held from
/// StartSnapshotSet until DoSnapshotSet completes (docs/vss-reference.md#one-snapshot-set-creation-per-machine). Everything else may overlap freely.
/// It lives beside the coordinator (not in the bench) because it states a property of the coordinator's design,
/// and so the bench and the unit tests reach the same function without a test depending on the bench.
/// </summary>
public static class MakespanBound
{
    /// <summary>The name of the user's backup action in <see cref="Sequence"/> (not a VSS call).</summary>
    public const string BackupAction = "BackupAction";

    /// <summary>
    /// The timed steps of one job, in order, and whether each lies inside the host's creation slot. Writer status is
    /// checked after each writer event (PrepareForBackup, DoSnapshotSet, BackupComplete: docs/vss-reference.md#failure-rules, failure
    /// rules); the check after PrepareForBackup falls inside the slot, the one after DoSnapshotSet outside it.
    /// Synchronous calls (StartSnapshotSet, AddToSnapshotSet, ...) take no simulated time.
    /// </summary>
    public static IReadOnlyList<(string Step, bool InCreationSlot)> Sequence { get; } =
    [
        ("GatherWriterMetadata", false),
        ("PrepareForBackup", true),
        ("GatherWriterStatus", true),
        ("DoSnapshotSet", true),
        ("GatherWriterStatus", false),
        (BackupAction, false),
        ("BackupComplete", false),
        ("GatherWriterStatus", false),
    ];

    /// <summary>Splits one job into the time before its creation slot, inside it, and after it.</summary>
    public static (TimeSpan Before, TimeSpan Slot, TimeSpan After) Split(Func<string, TimeSpan> latencyOf)
    {
        ArgumentNullException.ThrowIfNull(latencyOf);
        TimeSpan before = TimeSpan.Zero, slot = TimeSpan.Zero, after = TimeSpan.Zero;
        var slotSeen = false;
        foreach (var (step, inSlot) in Sequence)
        {
            var latency = latencyOf(step);
            if (latency < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(latencyOf), latency, $"the latency of {step} must not be negative");
            }
            if (inSlot)
            {
                slotSeen = true;
                slot += latency;
            }
            else if (slotSeen)
            {
                after += latency;
            }
            else
            {
                before += latency;
            }
        }
        return (before, slot, after);
    }

    /// <summary>
    /// before + K·slot + after. A lower bound: the K slots cannot overlap and none starts before the first job's
    /// steps before the slot end, and the job whose slot ends last still runs its steps after it. Exact: running
    /// every job's steps outside the slot in parallel and the slots back to back reaches it.
    /// </summary>
    public static TimeSpan Compute(int jobs, Func<string, TimeSpan> latencyOf)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        var (before, slot, after) = Split(latencyOf);
        return before + (slot * jobs) + after;
    }
}
