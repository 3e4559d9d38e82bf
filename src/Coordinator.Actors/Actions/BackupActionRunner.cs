using Coordinator.Actors.Jobs;

namespace Coordinator.Actors.Actions;

/// <summary>Runs a job's action of either kind; every failure comes out as <see cref="BackupActionFailedException"/>.</summary>
internal static class BackupActionRunner
{
    public static async Task RunAsync(BackupAction? action, SnapshotMapping mapping, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case null:
                return;
            case ExternalProgramAction program:
                await ExternalProgramRunner.RunAsync(program, mapping, cancellationToken).ConfigureAwait(false);
                return;
            case DelegateBackupAction inProcess:
                try
                {
                    await inProcess.Run(mapping, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex) when (ex is not BackupActionFailedException)
                {
                    throw new BackupActionFailedException($"backup action failed: {ex.Message}", null, null, ex);
                }
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action.GetType().Name, "unknown kind of backup action");
        }
    }
}
