using Coordinator.Actors;
using Coordinator.Actors.Jobs;
using Coordinator.Actors.Selection;
using Coordinator.Providers;
using Coordinator.Vss;

namespace Coordinator.Jobs;

/// <summary>
/// What only this machine can say about a job, checked before it is accepted — by `backup` before it journals the
/// job and by POST /api/jobs before it queues it, so both front ends refuse the same mistakes up front: more volumes
/// than one snapshot set takes (unless the oversize policy splits), a volume the provider does not have or cannot
/// snapshot, a writer filter entry that matches no writer. The job's own session checks the same again (a volume can
/// go away in between); this check only refuses on a definite answer and stays out of the way when the provider
/// itself fails, so that failure is met and reported by the job as usual.
/// </summary>
public static class JobPreflight
{
    public static async Task<IReadOnlyList<FieldError>> CheckAsync(BackupJob job, ProviderHandle provider, CoordinatorSettings settings)
    {
        if (job.Volumes.Count > VssLimits.MaxVolumesPerSnapshotSet && settings.Job.OversizePolicy == OversizePolicy.Refuse)
        {
            // The same words as the job's own plan (JobPlan): one rule, one message.
            return [new FieldError(JobRequestValidator.FieldName(JobField.Volumes),
                $"{job.Volumes.Count} volumes given; VSS takes at most {VssLimits.MaxVolumesPerSnapshotSet} in one snapshot set: run several jobs, " +
                "or set coordinator.job.oversize-policy = split (the sets are then not taken at one instant)")];
        }
        var timeout = settings.Timeouts.GatherWriterMetadata;
        return await DedicatedThread.Run<IReadOnlyList<FieldError>>("vss-preflight", () =>
        {
            try
            {
                using var components = provider.Factory.CreateVssBackupComponents();
                components.InitializeForBackup();
                components.SetContext(job.Persistent ? VssSnapshotContext.AppRollback : VssSnapshotContext.Backup);
                components.SetBackupState(selectComponents: true, backupBootableSystemState: true, VssBackupType.Full, partialFileSupport: false);
                if (CheckVolumes(components, job) is { } volumeError)
                {
                    return [volumeError];
                }
                return job.Writers.Include.Count + job.Writers.Exclude.Count == 0 ? [] : CheckWriters(components, job.Writers, timeout);
            }
            catch (VssException)
            {
                // Not an answer about the job: the job meets the same failure, retries where it may, and reports it.
                return [];
            }
        });
    }

    private static FieldError? CheckVolumes(IVssBackupComponents components, BackupJob job)
    {
        var field = JobRequestValidator.FieldName(JobField.Volumes);
        foreach (var volume in job.Volumes)
        {
            bool supported;
            try
            {
                supported = components.IsVolumeSupported(volume);
            }
            catch (VssObjectNotFoundException)
            {
                return new FieldError(field, $"volume {Core.BoundedText.Shorten(volume, 260)} does not exist on this host: check the volume name");
            }
            if (!supported)
            {
                return new FieldError(field,
                    $"volume {Core.BoundedText.Shorten(volume, 260)} cannot be snapshotted: no VSS provider supports it (VSS_E_VOLUME_NOT_SUPPORTED); leave it out of the job");
            }
        }
        return null;
    }

    private static IReadOnlyList<FieldError> CheckWriters(IVssBackupComponents components, WriterFilter filter, TimeSpan timeout)
    {
        var writers = WriterInventory.GatherMetadata(components, timeout);
        var errors = new List<FieldError>();
        foreach (var (entries, field, kind) in new[] { (filter.Include, JobField.IncludeWriters, "included"), (filter.Exclude, JobField.ExcludeWriters, "excluded") })
        {
            if (entries.FirstOrDefault(e => !writers.Any(w => WriterMatcher.Matches(w, e))) is { } unknown)
            {
                var known = string.Join(", ", writers.Select(w => w.WriterName).Distinct().Order());
                errors.Add(new FieldError(JobRequestValidator.FieldName(field),
                    $"{kind} writer {Core.BoundedText.Quote(unknown)} matches no writer on this host (writers: {known})"));
            }
        }
        return errors;
    }
}
