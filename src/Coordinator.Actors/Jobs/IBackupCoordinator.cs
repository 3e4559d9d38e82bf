namespace Coordinator.Actors.Jobs;

/// <summary>
/// The façade the executable uses: runs a job through the actors and returns its complete result.
/// Cancelling the token cancels the job with full cleanup; the result then has status Cancelled.
/// </summary>
public interface IBackupCoordinator
{
    Task<BackupResult> RunAsync(BackupJob job, Action<JobProgress>? onProgress, CancellationToken cancellationToken);
}
