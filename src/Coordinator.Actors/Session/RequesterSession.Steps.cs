using Coordinator.Actors.Jobs;
using Coordinator.Actors.Retry;
using Coordinator.Actors.Selection;
using Coordinator.Vss;

namespace Coordinator.Actors.Session;

internal sealed partial class RequesterSession
{
    /// <summary>Create → InitializeForBackup → SetContext → SetBackupState, then check every volume is known and supported.</summary>
    public void Initialize() => Timed("Initialize", () =>
    {
        _components = _factory.CreateVssBackupComponents(_job.JobId);
        _components.InitializeForBackup();
        // Persistent snapshots outlive the object (APP_ROLLBACK, as VShadow -p); backup-context ones go with it.
        _components.SetContext(_job.Persistent ? VssSnapshotContext.AppRollback : VssSnapshotContext.Backup);
        _components.SetBackupState(selectComponents: true, backupBootableSystemState: true, VssBackupType.Full, partialFileSupport: false);
        foreach (var volume in _volumes)
        {
            bool supported;
            try
            {
                supported = _components.IsVolumeSupported(volume);
            }
            catch (VssObjectNotFoundException ex)
            {
                throw new JobValidationException($"volume {volume} does not exist on this host: check the volume name", JobField.Volumes, "IsVolumeSupported", ex.HResult);
            }
            if (!supported)
            {
                throw new JobValidationException(
                    $"volume {volume} cannot be snapshotted: no VSS provider supports it (VSS_E_VOLUME_NOT_SUPPORTED); leave it out of the job",
                    JobField.Volumes,
                    "IsVolumeSupported",
                    HResults.VSS_E_VOLUME_NOT_SUPPORTED);
            }
        }
    });

    /// <summary>GatherWriterMetadata (once per object), select components, FreeWriterMetadata on every path.</summary>
    public void GatherMetadataAndSelect(CancellationToken cancellationToken) => Timed("GatherWriterMetadata", () =>
    {
        _progress("GatherWriterMetadata", "gathering writer metadata", null, null);
        IReadOnlyList<VssWriterMetadata> writers;
        using (var operation = Components.GatherWriterMetadata())
        {
            _metadataHeld = true;
            try
            {
                Await(operation, "GatherWriterMetadata", cancellationToken);
                writers = Components.WriterMetadata.ToList();
            }
            finally
            {
                FreeMetadata();
            }
        }

        _selection = ComponentSelector.Select(writers, _volumes, _job.Writers);
        if (_selection.DisabledWriterInstances.Count > 0)
        {
            Components.DisableWriterInstances([.. _selection.DisabledWriterInstances]);
        }
        foreach (var component in _selection.Included)
        {
            Components.AddComponent(component.InstanceId, component.WriterId, component.Type, component.LogicalPath, component.ComponentName);
        }
    });

    /// <summary>
    /// StartSnapshotSet and AddToSnapshotSet per volume. Called only inside the SnapshotGate's window, so our own
    /// jobs never collide; VSS_E_SNAPSHOT_SET_IN_PROGRESS here means another requester, retried with jitter until
    /// <paramref name="jobDeadline"/>.
    /// </summary>
    public void StartSnapshotSet(DateTimeOffset jobDeadline, CancellationToken cancellationToken) => Timed("StartSnapshotSet", () =>
    {
        var backoff = new BackoffPolicy(_settings.Retry.SnapshotInProgressDelay, _settings.Retry.MaxBackoff, 0.5);
        for (var retry = 0; ; retry++)
        {
            try
            {
                _snapshotSetId = Components.StartSnapshotSet();
                break;
            }
            catch (VssSnapshotSetInProgressException) when (_time.GetUtcNow() + backoff.Delay(retry) < jobDeadline)
            {
                _progress("StartSnapshotSet", "another requester is creating a snapshot set; waiting", null, null);
                Pause(backoff.Delay(retry), cancellationToken);
            }
        }
        _inCreationWindow = true;
        foreach (var volume in _volumes)
        {
            _progress("AddToSnapshotSet", $"adding {volume}", volume, null);
            _snapshotIds[volume] = Components.AddToSnapshotSet(volume);
        }
    });

    public void PrepareForBackup(CancellationToken cancellationToken) => Timed("PrepareForBackup", () =>
    {
        _progress("PrepareForBackup", "preparing writers for backup", null, null);
        using (var operation = Components.PrepareForBackup())
        {
            Await(operation, "PrepareForBackup", cancellationToken);
        }
        CheckWriters("PrepareForBackup", cancellationToken);
    });

    /// <summary>
    /// Journals the set first (a crash from here on leaves a known set behind), then DoSnapshotSet; the creation
    /// window closes when it returns, whatever the outcome.
    /// </summary>
    public void DoSnapshotSet(CancellationToken cancellationToken) => Timed("DoSnapshotSet", () =>
    {
        var setId = _snapshotSetId ?? throw new InvalidOperationException("DoSnapshotSet before StartSnapshotSet");
        _journal.RecordSnapshotSet(_job.JobId, setId, _snapshotIds.Select(p => (p.Key, p.Value)).ToList(), _job.Persistent);
        _progress("DoSnapshotSet", $"creating snapshot set {setId:B}", null, null);
        using (var operation = Components.DoSnapshotSet())
        {
            // On failure we stay inside the window: the cleanup ladder aborts, and no BackupComplete may follow.
            Await(operation, "DoSnapshotSet", cancellationToken);
        }
        _inCreationWindow = false;
        _snapshotsExist = true;
        foreach (var volume in _volumes)
        {
            var properties = Components.GetSnapshotProperties(_snapshotIds[volume]);
            _mapping.Add(new VolumeSnapshot(volume, properties.SnapshotId, properties.SnapshotDeviceObject));
        }
    });

    /// <summary>
    /// The writer-status check after DoSnapshotSet, a step of its own: the host's creation slot is free once
    /// DoSnapshotSet returns, so the caller gives the SnapshotGate back before this, and the next job's window
    /// overlaps our status check.
    /// </summary>
    public void CheckWritersAfterSnapshot(CancellationToken cancellationToken) =>
        Timed("CheckWriters", () => CheckWriters("DoSnapshotSet", cancellationToken));

    /// <summary>
    /// SetBackupSucceeded per selected component, BackupComplete, then GatherWriterStatus, which the VSS documentation
    /// requires after BackupComplete to move the writers' session to completed.
    /// </summary>
    public void CompleteBackup(bool succeeded, CancellationToken cancellationToken) => Timed("BackupComplete", () =>
    {
        foreach (var component in _selection?.Included ?? [])
        {
            Components.SetBackupSucceeded(component.InstanceId, component.WriterId, component.Type, component.LogicalPath, component.ComponentName, succeeded);
        }
        if (_selection is not null)
        {
            _selection = _selection with
            {
                Outcomes = _selection.Outcomes.Select(o => o.Selected ? o with { Succeeded = succeeded } : o).ToList(),
            };
        }
        _progress("BackupComplete", succeeded ? "completing the backup" : "completing the failed backup", null, null);
        using (var operation = Components.BackupComplete())
        {
            Await(operation, "BackupComplete", cancellationToken);
        }
        _backupSucceeded = succeeded;
        try
        {
            CheckWriters("BackupComplete", cancellationToken);
        }
        catch (VssException ex) when (succeeded)
        {
            // The data is backed up: a writer or the infrastructure failing now does not undo that. Report it.
            _warnings.Add($"after BackupComplete: {ex.Message}");
        }
    });

    /// <summary>
    /// GatherWriterStatus (+FreeWriterStatus on every path) and fail on an involved writer in a VSS_WS_FAILED_AT_*
    /// state. VSS_E_WRITER_INFRASTRUCTURE is retried on the same object: unlike GatherWriterMetadata,
    /// GatherWriterStatus may be called again once the previous status is freed.
    /// </summary>
    private void CheckWriters(string afterPhase, CancellationToken cancellationToken)
    {
        var backoff = BackoffPolicy.From(_settings.Retry);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _lastStatus = GatherStatus(cancellationToken);
                break;
            }
            catch (VssWriterInfrastructureException) when (attempt < _settings.Retry.MaxAttempts)
            {
                _progress("GatherWriterStatus", $"writer infrastructure not ready after {afterPhase}; retrying ({attempt})", null, null);
                Pause(backoff.Delay(attempt - 1), cancellationToken);
            }
        }

        var disabled = _selection?.DisabledWriterInstances ?? [];
        var failed = _lastStatus.Where(s => s.State.IsFailed() && !disabled.Contains(s.InstanceId)).ToList();
        if (failed.Count > 0)
        {
            foreach (var other in failed.Skip(1))
            {
                _warnings.Add($"writer '{other.Name}' is in {other.State.ToVssName()} ({VssErrorCatalog.NameOf(other.Failure)}) after {afterPhase}");
            }
            _progress(afterPhase, $"writer {failed[0].Name} failed: {failed[0].State.ToVssName()}", null, failed[0].Name);
            throw new WriterFailureException(afterPhase, failed[0]);
        }
    }

    private IReadOnlyList<VssWriterStatusInfo> GatherStatus(CancellationToken cancellationToken)
    {
        // The previous status must be freed before gathering again; if that still fails, this attempt fails.
        FreeStatus(throwOnFailure: true);
        using var operation = Components.GatherWriterStatus();
        _statusHeld = true;
        try
        {
            Await(operation, "GatherWriterStatus", cancellationToken);
            return Components.WriterStatus.ToList();
        }
        finally
        {
            FreeStatus();
        }
    }

    /// <summary>
    /// Frees the metadata. The obligation is cleared only when the free succeeds: a failed free is a warning (what
    /// we read stays valid) and is tried again by the cleanup ladder, so nothing gathered is ever abandoned.
    /// </summary>
    private void FreeMetadata(bool throwOnFailure = false) =>
        Free(ref _metadataHeld, Components.FreeWriterMetadata, "FreeWriterMetadata", "tried again at cleanup", throwOnFailure);

    /// <summary>Frees the status; same rule as <see cref="FreeMetadata"/>.</summary>
    private void FreeStatus(bool throwOnFailure = false) =>
        Free(ref _statusHeld, Components.FreeWriterStatus, "FreeWriterStatus", "tried again before the next gather and at cleanup", throwOnFailure);

    private void Free(ref bool held, Action free, string operation, string retried, bool throwOnFailure)
    {
        if (!held)
        {
            return;
        }
        try
        {
            free();
            held = false;
        }
        catch (VssException ex) when (!throwOnFailure)
        {
            _warnings.Add($"{operation} failed, {retried}: {ex.Message}");
        }
    }
}
