using Coordinator.Actors.Jobs;
using Coordinator.Actors.Session;
using Coordinator.Vss;

namespace Coordinator.Actors.Job;

/// <summary>
/// The job's result from the last attempt's sessions. With several sets (a split job) writers are merged by
/// instance, a failed state winning, and components by path, a selection winning; timings are named per set.
/// </summary>
internal static class ResultMerger
{
    public static BackupResult Merge(
        string jobId,
        JobStatus status,
        JobError? error,
        int attempts,
        IReadOnlyList<SessionOutcome> outcomes,
        IReadOnlyList<string> warnings,
        string provider)
    {
        var succeeded = status == JobStatus.Succeeded;
        var setIds = succeeded ? outcomes.Select(o => o.SnapshotSetId).OfType<Guid>().ToList() : [];
        var writers = outcomes.SelectMany(o => o.Writers)
            .GroupBy(w => w.InstanceId)
            .Select(g => g.FirstOrDefault(w => w.State.IsFailed()) ?? g.First())
            .ToList();
        var components = outcomes.SelectMany(o => o.Components)
            .GroupBy(c => (c.Writer, c.Path))
            .Select(g => g.FirstOrDefault(c => c.Selected) ?? g.First())
            .ToList();
        var timings = outcomes.Count == 1
            ? outcomes[0].Timings
            : outcomes.SelectMany((o, i) => o.Timings.Select(t => t with { Phase = $"set {i + 1}: {t.Phase}" })).ToList();
        return new BackupResult(
            jobId,
            status,
            error,
            attempts,
            setIds.Count > 0 ? setIds[0] : null,
            succeeded ? outcomes.SelectMany(o => o.Volumes).ToList() : [],
            writers,
            components,
            timings,
            [.. warnings, .. outcomes.SelectMany(o => o.Warnings)],
            provider)
        {
            SnapshotSetIds = setIds,
        };
    }
}
