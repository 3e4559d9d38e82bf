namespace Coordinator.Vss.Simulated;

// The synchronous setup and selection calls. Each rule quotes or names the VSS documentation it models; the rules
// are collected, with their Microsoft Learn sources, in docs/vss-reference.md.
public sealed partial class SimulatedBackupComponents
{
    private const int PersistentAttribute = 0x1;   // VSS_VOLSNAP_ATTR_PERSISTENT
    private const int NoWritersAttribute = 0x10;   // VSS_VOLSNAP_ATTR_NO_WRITERS

    private readonly HashSet<Guid> _disabledClasses = [];
    private readonly HashSet<Guid> _disabledInstances = [];
    private readonly HashSet<ComponentKey> _addedComponents = [];
    private readonly HashSet<ComponentKey> _succeededComponents = [];
    private HashSet<Guid>? _enabledClasses;
    private VssSnapshotContext _context = VssSnapshotContext.Backup;
    private bool _contextSet;
    private bool _backupStateSet;
    private bool _selectComponents;
    private bool _prepareStarted;

    private readonly record struct ComponentKey(Guid InstanceId, Guid WriterId, string LogicalPath, string Name);

    /// <summary>The context's snapshots outlive the object (VSS_VOLSNAP_ATTR_PERSISTENT in the context).</summary>
    private bool ContextIsPersistent => ((int)_context & PersistentAttribute) != 0;

    /// <summary>Writers take part in the backup unless the context says VSS_VOLSNAP_ATTR_NO_WRITERS.</summary>
    private bool ContextHasWriters => ((int)_context & NoWritersAttribute) == 0;

    public void SetContext(VssSnapshotContext context)
    {
        const string call = VssCallNames.SetContext;
        lock (Host.Sync)
        {
            Enter(call);
            RequireInitialized(call);
            if (!Enum.IsDefined(context))
            {
                throw Failure(call, HResults.E_INVALIDARG, $"0x{(int)context:X8} is not a VSS_SNAPSHOT_CONTEXT value");
            }
            // SetContext "can be called only once, and it must be called prior to calling most VSS functions".
            if (_contextSet)
            {
                throw Violation(call, "SetContext was already called on this object; it may be called only once");
            }
            if (_phase != BackupPhase.NoSet)
            {
                throw Violation(call, "SetContext must come before StartSnapshotSet");
            }
            ThrowIfImmediateFault(call);
            _context = context;
            _contextSet = true;
            Completed(call);
        }
    }

    public void SetBackupState(bool selectComponents, bool backupBootableSystemState, VssBackupType backupType, bool partialFileSupport)
    {
        const string call = VssCallNames.SetBackupState;
        lock (Host.Sync)
        {
            Enter(call);
            RequireInitialized(call);
            if (_prepareStarted)
            {
                throw Violation(call, "SetBackupState must come before PrepareForBackup");
            }
            if (!Enum.IsDefined(backupType) || backupType == VssBackupType.Undefined)
            {
                throw Failure(call, HResults.E_INVALIDARG, $"backup type {backupType} is not a valid VSS_BACKUP_TYPE for a backup");
            }
            ThrowIfImmediateFault(call);
            _backupStateSet = true;
            _selectComponents = selectComponents;
            Completed(call);
        }
    }

    public IReadOnlyList<VssWriterMetadata> WriterMetadata
    {
        get
        {
            const string call = VssCallNames.WriterMetadata;
            lock (Host.Sync)
            {
                Enter(call);
                RequireInitialized(call);
                // The metadata exists between GatherWriterMetadata's completion and FreeWriterMetadata; after Free it
                // "cannot be recovered" by this instance.
                if (_metadata is null)
                {
                    throw Violation(call, _metadataFreed
                        ? "the writer metadata was freed (FreeWriterMetadata) and cannot be recovered by this object"
                        : "no writer metadata yet: call GatherWriterMetadata and wait for it to finish");
                }
                return _metadata;
            }
        }
    }

    public void FreeWriterMetadata()
    {
        const string call = VssCallNames.FreeWriterMetadata;
        lock (Host.Sync)
        {
            Enter(call);
            RequireInitialized(call);
            ThrowIfImmediateFault(call);
            // Freeing when nothing is held is harmless, so a requester can free on every path without tracking state.
            if (_metadata is not null)
            {
                _metadata = null;
                _metadataFreed = true;
                Count(static c => ref c.WriterMetadataFreed);
            }
            Completed(call);
        }
    }

    public void EnableWriterClasses(params Guid[] writerClassIds) =>
        SelectWriters(VssCallNames.EnableWriterClasses, writerClassIds, ids => (_enabledClasses ??= []).UnionWith(ids));

    public void DisableWriterClasses(params Guid[] writerClassIds) =>
        SelectWriters(VssCallNames.DisableWriterClasses, writerClassIds, _disabledClasses.UnionWith);

    public void DisableWriterInstances(params Guid[] writerInstanceIds) =>
        SelectWriters(VssCallNames.DisableWriterInstances, writerInstanceIds, _disabledInstances.UnionWith);

    private void SelectWriters(string call, Guid[] ids, Action<Guid[]> apply)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (Host.Sync)
        {
            Enter(call);
            RequireInitialized(call);
            // Which writers take part is fixed when PrepareForBackup raises the PrepareForBackup event.
            if (_prepareStarted)
            {
                throw Violation(call, $"{call} must come before PrepareForBackup");
            }
            ThrowIfImmediateFault(call);
            apply(ids);
            Completed(call);
        }
    }

    public void AddComponent(Guid instanceId, Guid writerId, VssComponentType componentType, string? logicalPath, string componentName)
    {
        const string call = VssCallNames.AddComponent;
        lock (Host.Sync)
        {
            Enter(call);
            RequireInitialized(call);
            if (!_identified)
            {
                throw Violation(call, "AddComponent needs the writers' metadata: GatherWriterMetadata must have finished first");
            }
            if (_prepareStarted)
            {
                throw Violation(call, "components must be added before PrepareForBackup");
            }
            if (string.IsNullOrEmpty(componentName))
            {
                throw Failure(call, HResults.E_INVALIDARG, "componentName is empty");
            }
            var writer = _writers.FirstOrDefault(w => w.Writer.InstanceId == instanceId && w.Writer.ClassId == writerId)
                ?? throw Failure(call, HResults.VSS_E_OBJECT_NOT_FOUND, $"no writer with instance {instanceId} and class {writerId}");
            var component = writer.Writer.Components.FirstOrDefault(c =>
                    c.Type == componentType
                    && string.Equals(c.LogicalPath ?? "", logicalPath ?? "", StringComparison.OrdinalIgnoreCase)
                    && string.Equals(c.ComponentName, componentName, StringComparison.OrdinalIgnoreCase))
                ?? throw Failure(call, HResults.VSS_E_OBJECT_NOT_FOUND,
                    $"writer '{writer.Writer.Name}' has no {componentType} component '{Path(logicalPath, componentName)}'");
            ThrowIfImmediateFault(call);
            if (!_addedComponents.Add(Key(instanceId, writerId, component.LogicalPath, component.ComponentName)))
            {
                throw Failure(call, HResults.VSS_E_OBJECT_ALREADY_EXISTS,
                    $"component '{component.FullPath}' of writer '{writer.Writer.Name}' was already added");
            }
            Completed(call);
        }
    }

    public void SetBackupSucceeded(Guid instanceId, Guid writerId, VssComponentType componentType, string? logicalPath, string componentName, bool succeeded)
    {
        const string call = VssCallNames.SetBackupSucceeded;
        lock (Host.Sync)
        {
            Enter(call);
            RequireInitialized(call);
            // Success is reported after the snapshots exist and before BackupComplete.
            if (_phase != BackupPhase.Created)
            {
                throw Violation(call, $"SetBackupSucceeded belongs between a successful DoSnapshotSet and BackupComplete (the backup is {Describe(_phase)})");
            }
            var key = Key(instanceId, writerId, logicalPath, componentName);
            if (!_addedComponents.Contains(key))
            {
                throw Failure(call, HResults.VSS_E_OBJECT_NOT_FOUND,
                    $"component '{Path(logicalPath, componentName)}' of writer {writerId} was not added with AddComponent");
            }
            ThrowIfImmediateFault(call);
            if (succeeded)
            {
                _succeededComponents.Add(key);
            }
            Completed(call);
        }
    }

    public IReadOnlyList<VssWriterStatusInfo> WriterStatus
    {
        get
        {
            const string call = VssCallNames.WriterStatus;
            lock (Host.Sync)
            {
                Enter(call);
                RequireInitialized(call);
                // Status exists between GatherWriterStatus's completion and FreeWriterStatus.
                return _status ?? throw Violation(call, "no writer status held: call GatherWriterStatus and wait for it to finish (and read before FreeWriterStatus)");
            }
        }
    }

    public void FreeWriterStatus()
    {
        const string call = VssCallNames.FreeWriterStatus;
        lock (Host.Sync)
        {
            Enter(call);
            RequireInitialized(call);
            ThrowIfImmediateFault(call);
            // Harmless when nothing is held, so "free on every path" needs no bookkeeping in the requester.
            if (_status is not null)
            {
                _status = null;
                Count(static c => ref c.WriterStatusFreed);
            }
            Completed(call);
        }
    }

    /// <summary>
    /// "Must be called if a backup operation terminates after StartSnapshotSet and before DoSnapshotSet returns"; ignored when
    /// no backup is under way. Here: before DoSnapshotSet has finished it cancels a pending operation, frees the creation slot
    /// and discards the set; after a successful DoSnapshotSet and before BackupComplete it ends the backup (writers are told
    /// to abort and return to Stable; BackupComplete is then out of sequence; the snapshots go with the object as usual).
    /// </summary>
    public void AbortBackup()
    {
        const string call = VssCallNames.AbortBackup;
        lock (Host.Sync)
        {
            Enter(call);
            RequireInitialized(call);
            ThrowIfImmediateFault(call);
            var underWay = _phase is BackupPhase.SetStarted or BackupPhase.Creating or BackupPhase.Created || _pending is { IsPending: true };
            if (underWay)
            {
                _pending?.CancelUnderLock();
                if (_phase is BackupPhase.SetStarted or BackupPhase.Creating or BackupPhase.CreationFailed)
                {
                    _setVolumes.Clear();
                }
                Host.ReleaseCreationSlot(this);
                foreach (var writer in _writers.Where(w => w.IsActive))
                {
                    writer.State = VssWriterState.Stable;
                }
                _phase = BackupPhase.Aborted;
            }
            Completed(call);
        }
    }

    private static ComponentKey Key(Guid instanceId, Guid writerId, string? logicalPath, string name) =>
        new(instanceId, writerId, (logicalPath ?? "").ToUpperInvariant(), name.ToUpperInvariant());

    private static string Path(string? logicalPath, string name) => string.IsNullOrEmpty(logicalPath) ? name : logicalPath + "\\" + name;

    private static string Describe(BackupPhase phase) => phase switch
    {
        BackupPhase.NoSet => "not started: no StartSnapshotSet yet",
        BackupPhase.SetStarted => "started: snapshot set open, DoSnapshotSet not called",
        BackupPhase.Creating => "creating: DoSnapshotSet is pending",
        BackupPhase.Created => "created: snapshots exist, BackupComplete not called",
        BackupPhase.CreationFailed => "failed: DoSnapshotSet failed or was cancelled",
        BackupPhase.Completed => "completed: BackupComplete succeeded",
        BackupPhase.Aborted => "aborted: AbortBackup was called",
        _ => phase.ToString(),
    };
}
