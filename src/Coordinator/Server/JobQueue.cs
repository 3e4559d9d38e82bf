using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Coordinator.Actors.Jobs;
using Coordinator.Hosting;
using Coordinator.Jobs;
using Coordinator.Journal;
using Coordinator.Output;
using Coordinator.Providers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Coordinator.Server;

public enum CancelOutcome
{
    NotFound,
    AlreadyFinished,
    Cancelled,
    Cancelling,
}

/// <summary>
/// The server's jobs: a queue drained by a bounded number of workers, each job journaled from submission to result.
/// Queued jobs survive a restart (re-queued at start, unless a live server sharing the journal queued them); stopping
/// the host cancels running jobs and waits for their cleanup (the host's shutdown timeout bounds the wait).
/// </summary>
public sealed class JobQueue : IHostedService, IDisposable
{
    private readonly Channel<BackupJob> _queue = Channel.CreateUnbounded<BackupJob>();
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _workers = [];
    private readonly SqliteJournal _journal;
    private readonly JobExecutor _executor;
    private readonly int _concurrency;
    private readonly ILogger<JobQueue> _logger;

    public JobQueue(SqliteJournal journal, IBackupCoordinator coordinator, ProviderHandle provider, CoordinatorConfig config, ILogger<JobQueue> logger)
    {
        _journal = journal;
        _logger = logger;
        _executor = new JobExecutor(coordinator, journal, provider, logger);
        _concurrency = config.Options.Server.MaxConcurrentJobs;
    }

    public string Submit(BackupJob job, JobRequest request)
    {
        _journal.CreateJob(job.JobId, "api", JsonSerializer.Serialize(request, JsonDefaults.Options));
        _queue.Writer.TryWrite(job);
        return job.JobId;
    }

    public CancelOutcome Cancel(string jobId)
    {
        if (_running.TryGetValue(jobId, out var running))
        {
            running.Cancel();
            return CancelOutcome.Cancelling;
        }
        var record = _journal.GetJob(jobId);
        if (record is null)
        {
            return CancelOutcome.NotFound;
        }
        if (JobStates.IsTerminal(record.Status))
        {
            return CancelOutcome.AlreadyFinished;
        }
        // Still queued: finish it here; the worker that dequeues it finds it no longer queued and skips it.
        var document = JsonResultDocument.Failure(jobId, "cancelled", "job", "cancelled before it started", null, JobDocuments.ReadRequest(record)?.Persistent ?? false)
            with { Status = JobStates.Cancelled };
        if (_journal.TryCancelQueued(jobId, JsonSerializer.Serialize(document, JsonDefaults.Options)))
        {
            return CancelOutcome.Cancelled;
        }
        // A worker took it meanwhile; it registers the job before marking it running, so it is found now.
        if (_running.TryGetValue(jobId, out running))
        {
            running.Cancel();
            return CancelOutcome.Cancelling;
        }
        // Not queued, not running: it has ended, and its final document is being (or has been) journaled.
        return CancelOutcome.AlreadyFinished;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var record in _journal.JobsWithStatus(JobStates.Queued))
        {
            if (record.Owner?.Lock is { } owner && JournalOwnership.IsAlive(_journal.Path, owner))
            {
                // Queued by another live server sharing the journal: its own queue runs it.
                continue;
            }
            var request = JobDocuments.ReadRequest(record);
            var (job, errors) = request is null ? (null, []) : JobRequestValidator.Validate(request, record.Id);
            if (job is null)
            {
                var reason = errors.Count > 0 ? $"{errors[0].Field}: {errors[0].Message}" : "its request could not be read";
                var document = JsonResultDocument.Failure(record.Id, "input", "requeue", "not restarted after a server restart: " + reason, null, request?.Persistent ?? false);
                _journal.CompleteJob(record.Id, JobStates.Failed, JsonSerializer.Serialize(document, JsonDefaults.Options));
                continue;
            }
            _logger.LogInformation("re-queued job {JobId} submitted before the restart", record.Id);
            _queue.Writer.TryWrite(job);
        }
        for (var i = 0; i < _concurrency; i++)
        {
            _workers.Add(Task.Run(WorkAsync, CancellationToken.None));
        }
        return Task.CompletedTask;
    }

    private async Task WorkAsync()
    {
        try
        {
            await foreach (var job in _queue.Reader.ReadAllAsync(_stopping.Token))
            {
                if (_stopping.IsCancellationRequested)
                {
                    // ReadAllAsync drains buffered items without checking the token: leave this one queued for the restart.
                    break;
                }
                using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                _running[job.JobId] = cancellation;
                try
                {
                    await _executor.ExecuteAsync(job, null, cancellation.Token, beforeCompleting: () => _running.TryRemove(job.JobId, out _));
                }
                catch (Exception ex)
                {
                    _logger.LogError(ex, "job {JobId}: the worker failed", job.JobId);
                }
                finally
                {
                    // Normally gone already (beforeCompleting); this covers a worker that failed.
                    _running.TryRemove(job.JobId, out _);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: jobs still queued stay queued in the journal and run after the restart.
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_running.IsEmpty)
        {
            _logger.LogInformation("shutting down: cancelling {Count} running job(s) and waiting for their cleanup", _running.Count);
        }
        _stopping.Cancel();
        _queue.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_workers).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _logger.LogWarning("shutdown timeout: some jobs were still cleaning up; recovery at the next start deletes what they left");
        }
    }

    public void Dispose() => _stopping.Dispose();
}
