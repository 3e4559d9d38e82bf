using System.Text.Json;
using Coordinator.Actors.Jobs;
using Coordinator.Journal;
using Coordinator.Output;
using Coordinator.Providers;
using Microsoft.Extensions.Logging;

namespace Coordinator.Jobs;

/// <summary>
/// Runs one journaled job through the coordinator: queued → running, every progress event journaled, the final result
/// document stored. Shared by `coordinator backup` and the server's queue so both journal the same way.
/// </summary>
public sealed class JobExecutor(IBackupCoordinator coordinator, SqliteJournal journal, ProviderHandle provider, ILogger logger)
{
    /// <param name="beforeCompleting">
    /// Runs after the job has ended and before its final document is journaled: the server's queue forgets the job
    /// there, so a job the journal calls finished can no longer be found running (and a cancel is answered "already
    /// finished", not "cancelling").
    /// </param>
    public async Task<JsonResultDocument> ExecuteAsync(BackupJob job, Action<JobProgress>? onProgress, CancellationToken cancellationToken, Action? beforeCompleting = null)
    {
        if (!journal.TryMarkRunning(job.JobId))
        {
            // Cancelled while queued: the journal already holds its final document.
            return Stored(job.JobId);
        }
        JsonResultDocument document;
        try
        {
            var result = await coordinator.RunAsync(job, progress =>
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
            document = JsonResultDocument.From(result, job.Persistent, provider.Accounting?.Invoke());
        }
        catch (JobValidationException ex)
        {
            document = JsonResultDocument.Failure(job.JobId, "input", "validate", ex.Message, provider.Name, job.Persistent);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            document = JsonResultDocument.Failure(job.JobId, "cancelled", "job", "the job was cancelled", provider.Name, job.Persistent)
                with { Status = JobStates.Cancelled };
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "job {JobId} failed unexpectedly", job.JobId);
            document = JsonResultDocument.Failure(job.JobId, "internal", "job", $"internal error: {ex.Message}", provider.Name, job.Persistent);
        }
        beforeCompleting?.Invoke();
        journal.CompleteJob(job.JobId, document.Status, JsonSerializer.Serialize(document, JsonDefaults.Options));
        return Stored(job.JobId);
    }

    private JsonResultDocument Stored(string jobId) =>
        JobDocuments.Load(journal.GetJob(jobId) ?? throw new InvalidOperationException($"job {jobId} is not in the journal"));
}
