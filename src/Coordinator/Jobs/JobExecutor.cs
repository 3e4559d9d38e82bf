using System.Text.Json;
using Coordinator.Actors.Jobs;
using Coordinator.Journal;
using Coordinator.Output;
using Coordinator.Providers;
using Microsoft.Extensions.Logging;

namespace Coordinator.Jobs;

/// <summary>A job that ran: the typed result (what the exit code and the renderers read) and the document the journal stored.</summary>
public sealed record JobOutcome(BackupResult Result, JsonResultDocument Document);

/// <summary>
/// Runs one journaled job through the coordinator: queued → running, every progress event journaled (off the actors:
/// progress arrives on the coordinator's delivery task), the final result document stored. The caller gets the result
/// itself; the journal is a record of it, not its source. Shared by `coordinator backup` and the server's queue.
/// </summary>
public sealed class JobExecutor(IBackupCoordinator coordinator, SqliteJournal journal, ProviderHandle provider, ILogger logger)
{
    /// <summary>Null when the job was cancelled while queued (the journal already holds its final document).</summary>
    /// <param name="beforeCompleting">Runs after the job ended and before its document is journaled (the server's queue forgets the job there).</param>
    public async Task<JobOutcome?> ExecuteAsync(BackupJob job, Action<JobProgress>? onProgress, CancellationToken cancellationToken, Action? beforeCompleting = null)
    {
        if (!journal.TryMarkRunning(job.JobId))
        {
            return null;
        }
        provider.BeginAccounting?.Invoke(job.JobId);
        BackupResult result;
        try
        {
            result = await coordinator.RunAsync(job, progress =>
            {
                try
                {
                    journal.AppendEvent(job.JobId, JsonSerializer.Serialize(progress, JsonDefaults.Options));
                }
                catch (Exception ex)
                {
                    // A journal hiccup must not break the job; the final result is still written below.
                    logger.LogWarning(ex, "could not journal a progress event of job {JobId}", job.JobId);
                }
                onProgress?.Invoke(progress);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The coordinator answers every job with a result; reaching here is a bug, recorded as the job's failure.
            logger.LogError(ex, "job {JobId} failed unexpectedly", job.JobId);
            result = new BackupResult(job.JobId, JobStatus.Failed,
                new JobError(JobErrorKind.Vss, "Job", 0, null, $"internal error: {ex.Message}"), 0, null, [], [], [], [], [], provider.Name);
        }
        var document = JsonResultDocument.From(result, job.Persistent, provider.Accounting?.Invoke(job.JobId));
        beforeCompleting?.Invoke();
        journal.CompleteJob(job.JobId, document.Status, JsonSerializer.Serialize(document, JsonDefaults.Options));
        return new JobOutcome(result, document);
    }
}
