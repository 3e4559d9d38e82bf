using Coordinator.Actors.Jobs;
using Coordinator.Vss;

namespace Coordinator.Actors.Job;

/// <summary>How a job's volumes are grouped into snapshot sets: one set, or — by policy — consecutive sets of at most 64.</summary>
internal sealed record JobPlan(IReadOnlyList<IReadOnlyList<string>> Sets)
{
    public bool IsSplit => Sets.Count > 1;

    /// <summary>Throws <see cref="JobValidationException"/> when the job has more volumes than one set takes and the policy refuses.</summary>
    public static JobPlan For(BackupJob job, OversizePolicy policy)
    {
        var volumes = job.Volumes;
        if (volumes.Count <= VssLimits.MaxVolumesPerSnapshotSet)
        {
            return new JobPlan([volumes]);
        }
        if (policy == OversizePolicy.Refuse)
        {
            throw new JobValidationException(
                $"{volumes.Count} volumes given; VSS takes at most {VssLimits.MaxVolumesPerSnapshotSet} in one snapshot set: run several jobs, " +
                "or set coordinator.job.oversize-policy = split (the sets are then not taken at one instant)",
                JobField.Volumes);
        }
        return new JobPlan(volumes.Chunk(VssLimits.MaxVolumesPerSnapshotSet).Select(c => (IReadOnlyList<string>)c).ToList());
    }
}
