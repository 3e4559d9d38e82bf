using System.Text.Json;
using Coordinator.Jobs;
using Coordinator.Journal;
using Coordinator.Output;
using Coordinator.Providers;
using Microsoft.Extensions.Logging;

namespace Coordinator.Recovery;

public sealed record RecoveryReport(IReadOnlyList<string> InterruptedJobs, IReadOnlyList<Guid> DeletedSets, IReadOnlyList<Guid> AlreadyGoneSets, IReadOnlyList<(Guid SetId, string Error)> Failed);

/// <summary>
/// What a crash left behind, cleaned before the server takes jobs: jobs journaled as running are failed
/// ("interrupted"), and every journaled snapshot set that should not outlive its job (non-persistent ones, and
/// persistent ones of jobs that did not succeed) is deleted through the provider and marked gone.
/// </summary>
public static class StartupRecovery
{
    public const string InterruptedMessage = "interrupted: the coordinator stopped while the job was running; its snapshots were deleted at the next start";

    public static async Task<RecoveryReport> RunAsync(SqliteJournal journal, ProviderHandle provider, ILogger logger)
    {
        var interrupted = new List<string>();
        foreach (var record in journal.JobsWithStatus(JobStates.Running))
        {
            // A job another live process is running (a CLI and a server sharing the journal) is not ours to recover.
            if (record.Owner?.Lock is { } owner && JournalOwnership.IsAlive(journal.Path, owner))
            {
                logger.LogInformation("job {JobId} is running in live process {Pid}: left alone", record.Id, record.Owner.ProcessId);
                continue;
            }
            var request = JobDocuments.ReadRequest(record);
            var document = JsonResultDocument.Failure(record.Id, "interrupted", "job", InterruptedMessage, provider.Name, request?.Persistent ?? false);
            if (journal.CompleteJob(record.Id, JobStates.Failed, JsonSerializer.Serialize(document, JsonDefaults.Options)))
            {
                interrupted.Add(record.Id);
                logger.LogWarning("job {JobId} was running when the coordinator stopped: marked failed (interrupted)", record.Id);
            }
        }
        JournalOwnership.RemoveDeadOwners(journal.Path);

        // Decided per set from its job's state now, not from the list above: a job that another process started since
        // is running too, and its set is as alive as it is. Every job of a dead owner is final by now.
        var orphans = journal.LiveSnapshotSets()
            .Where(set => journal.GetJob(set.JobId)?.Status is var status && !IsActive(status)
                          && (!set.Persistent || status != JobStates.Succeeded))
            .ToList();
        var deleted = new List<Guid>();
        var alreadyGone = new List<Guid>();
        var failed = new List<(Guid, string)>();
        if (orphans.Count > 0)
        {
            var outcomes = await SnapshotMaintenance.DeleteSetsAsync(provider, orphans.Select(s => s.SetId).ToList());
            foreach (var outcome in outcomes)
            {
                switch (outcome.Result)
                {
                    case DeleteResult.Deleted:
                        journal.MarkSnapshotSetGone(outcome.Id, "deleted at recovery");
                        deleted.Add(outcome.Id);
                        logger.LogWarning("recovery: deleted orphaned snapshot set {SetId}", outcome.Id);
                        break;
                    case DeleteResult.AlreadyGone:
                        // VSS_E_OBJECT_NOT_FOUND: released with its process (non-persistent) or deleted already.
                        journal.MarkSnapshotSetGone(outcome.Id, "already gone at recovery");
                        alreadyGone.Add(outcome.Id);
                        break;
                    default:
                        // Left alive in the journal: the next start tries again, and 'snapshots delete' can too.
                        failed.Add((outcome.Id, outcome.Error ?? "unknown error"));
                        logger.LogError("recovery: could not delete snapshot set {SetId}: {Error}", outcome.Id, outcome.Error);
                        break;
                }
            }
        }
        return new RecoveryReport(interrupted, deleted, alreadyGone, failed);
    }

    private static bool IsActive(string? status) => status is JobStates.Queued or JobStates.Running;
}
