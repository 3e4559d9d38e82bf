using Coordinator.Actors.Jobs;

namespace Coordinator.Actors.Session;

/// <summary>What one session attempt produced; the JobActor turns the last one into the job's result.</summary>
internal sealed record SessionOutcome(
    Guid? SnapshotSetId,
    IReadOnlyList<VolumeSnapshot> Volumes,
    IReadOnlyList<WriterOutcome> Writers,
    IReadOnlyList<ComponentOutcome> Components,
    IReadOnlyList<PhaseTiming> Timings,
    IReadOnlyList<string> Warnings);
