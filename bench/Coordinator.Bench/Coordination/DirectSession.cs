using Coordinator.Actors.Jobs;
using Coordinator.Actors.Selection;
using Coordinator.Vss;

namespace Coordinator.Bench.Coordination;

/// <summary>
/// The minimal correct baseline: the requester sequence the SessionActor runs (same calls, same
/// component selection, status checked after each writer event), called directly on one new dedicated thread per
/// session, with a semaphore for the host-wide creation slot, held only from StartSnapshotSet until DoSnapshotSet
/// completes. No actors, no messages, no retries (the bench injects no faults). The slot is a non-spinning
/// <see cref="Semaphore"/>: SemaphoreSlim spins before it blocks, and with 8 sessions in flight on 2 loaded cores
/// that spinning made the baseline slower than the actors (ratio 0.5–0.6), flattering them.
/// </summary>
public sealed class DirectSession(IVssFactory factory, Semaphore creationSlot)
{
    public Task RunAsync(IReadOnlyList<string> volumes, Func<Task>? action = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(volumes, action);
                done.SetResult();
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        }, 256 * 1024) { IsBackground = true, Name = "direct-session" };
        thread.Start();
        return done.Task;
    }

    private void Run(IReadOnlyList<string> volumes, Func<Task>? action)
    {
        using var components = factory.CreateVssBackupComponents();
        components.InitializeForBackup();
        components.SetContext(VssSnapshotContext.Backup);
        components.SetBackupState(true, true, VssBackupType.Full, false);
        foreach (var volume in volumes)
        {
            if (!components.IsVolumeSupported(volume))
            {
                throw new InvalidOperationException($"{volume} is not supported");
            }
        }

        Await(components.GatherWriterMetadata());
        var metadata = components.WriterMetadata.ToList();
        components.FreeWriterMetadata();
        var selection = ComponentSelector.Select(metadata, [.. volumes], WriterFilter.None);
        if (selection.DisabledWriterInstances.Count > 0)
        {
            components.DisableWriterInstances([.. selection.DisabledWriterInstances]);
        }
        foreach (var c in selection.Included)
        {
            components.AddComponent(c.InstanceId, c.WriterId, c.Type, c.LogicalPath, c.ComponentName);
        }

        var snapshotIds = new List<Guid>();
        creationSlot.WaitOne();
        try
        {
            components.StartSnapshotSet();
            foreach (var volume in volumes)
            {
                snapshotIds.Add(components.AddToSnapshotSet(volume));
            }
            Await(components.PrepareForBackup());
            CheckWriters(components);
            Await(components.DoSnapshotSet());
        }
        finally
        {
            creationSlot.Release();
        }
        foreach (var id in snapshotIds)
        {
            components.GetSnapshotProperties(id);
        }
        CheckWriters(components);

        // The action is awaited synchronously: this thread owns the components object and must stay on it.
        action?.Invoke().GetAwaiter().GetResult();

        foreach (var c in selection.Included)
        {
            components.SetBackupSucceeded(c.InstanceId, c.WriterId, c.Type, c.LogicalPath, c.ComponentName, true);
        }
        Await(components.BackupComplete());
        CheckWriters(components);
    }

    private static void CheckWriters(IVssBackupComponents components)
    {
        Await(components.GatherWriterStatus());
        var failed = components.WriterStatus.Any(s => s.State.IsFailed());
        components.FreeWriterStatus();
        if (failed)
        {
            throw new InvalidOperationException("a writer failed");
        }
    }

    private static void Await(IVssAsync operation)
    {
        using (operation)
        {
            int status;
            do
            {
                operation.Wait(TimeSpan.FromMilliseconds(20));
                status = operation.QueryStatus();
            }
            while (status == HResults.VSS_S_ASYNC_PENDING);
            if (status < 0)
            {
                throw VssException.Create(status, "baseline");
            }
        }
    }
}
