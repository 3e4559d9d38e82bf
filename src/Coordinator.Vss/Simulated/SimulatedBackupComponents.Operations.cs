namespace Coordinator.Vss.Simulated;

// The five asynchronous operations and the writer events they raise. Each returns an IVssAsync that completes after the
// latency model's delay; an injected fault shows either as the immediate return or as QueryStatus's result (FaultSite).
// As on Windows, an operation whose writers fail still succeeds: the failures show in GatherWriterStatus.
public sealed partial class SimulatedBackupComponents
{
    private bool _metadataRequested;
    private bool _identified;
    private bool _metadataFreed;
    private IReadOnlyList<VssWriterMetadata>? _metadata;
    private IReadOnlyList<VssWriterStatusInfo>? _status;
    private bool _preparedForBackup;

    /// <summary>
    /// Raises Identify. "Should be called only once during the lifetime of a given IVssBackupComponents object": a second call
    /// is VSS_E_BAD_STATE, even when the first one failed (a fresh object is the documented way to try again). The state
    /// checks run before any injected fault, so a call out of sequence never uses one up.
    /// </summary>
    public IVssAsync GatherWriterMetadata()
    {
        const string call = VssCallNames.GatherWriterMetadata;
        lock (Host.Sync)
        {
            Enter(call);
            RequireInitialized(call);
            if (_metadataRequested)
            {
                throw Violation(call, "GatherWriterMetadata may be called only once per components object; create a new object to gather again");
            }
            RequireNoPendingOperation(call);
            _metadataRequested = true;
            var failure = TakeOperationFault(call);
            return StartOperation(call, failure, status =>
            {
                if (!Succeeded(status))
                {
                    return;
                }
                foreach (var writer in _writers)
                {
                    writer.Raise(WriterPhase.Identify, Host.Faults);
                }
                // A writer that fails Identify sends no metadata; it shows in the status as VSS_WS_FAILED_AT_IDENTIFY.
                _metadata = [.. _writers.Where(w => w.State != VssWriterState.FailedAtIdentify).Select(w => w.Writer.ToMetadata())];
                _identified = true;
                Count(static c => ref c.WriterMetadataGathered);
            });
        }
    }

    /// <summary>Raises PrepareForBackup. Needs SetBackupState and StartSnapshotSet first; once per object.</summary>
    public IVssAsync PrepareForBackup()
    {
        const string call = VssCallNames.PrepareForBackup;
        lock (Host.Sync)
        {
            Enter(call);
            RequireInitialized(call);
            if (!_backupStateSet)
            {
                throw Violation(call, "SetBackupState must be called before PrepareForBackup");
            }
            if (_phase != BackupPhase.SetStarted)
            {
                throw Violation(call, $"PrepareForBackup needs an open snapshot set (StartSnapshotSet) not yet created; the backup is {Describe(_phase)}");
            }
            if (_prepareStarted)
            {
                throw Violation(call, "PrepareForBackup was already called on this object");
            }
            RequireNoPendingOperation(call);
            _prepareStarted = true;
            DecideInvolvedWriters();
            var failure = TakeOperationFault(call);
            return StartOperation(call, failure, status =>
            {
                if (!Succeeded(status))
                {
                    return;
                }
                foreach (var writer in _writers.Where(w => w.IsActive))
                {
                    writer.Raise(WriterPhase.PrepareForBackup, Host.Faults);
                }
                _preparedForBackup = true;
            });
        }
    }

    /// <summary>
    /// Creates the snapshots: raises PrepareForSnapshot, Freeze, Thaw and PostSnapshot on the writers taking part. The host's
    /// creation slot stays held until it completes, fails or is cancelled. In contexts with writers, PrepareForBackup must
    /// have succeeded first ("the prerequisite calls for a given shadow copy context have not been made": VSS_E_BAD_STATE).
    /// </summary>
    public IVssAsync DoSnapshotSet()
    {
        const string call = VssCallNames.DoSnapshotSet;
        lock (Host.Sync)
        {
            Enter(call);
            RequireInitialized(call);
            if (_phase != BackupPhase.SetStarted)
            {
                throw Violation(call, $"DoSnapshotSet needs an open snapshot set (StartSnapshotSet); the backup is {Describe(_phase)}");
            }
            RequireNoPendingOperation(call);
            if (_setVolumes.Count == 0)
            {
                throw Violation(call, "the snapshot set has no volumes: call AddToSnapshotSet first");
            }
            if (ContextHasWriters && !_preparedForBackup)
            {
                throw Violation(call, "PrepareForBackup must have finished successfully before DoSnapshotSet in a context with writers");
            }
            var failure = TakeOperationFault(call);
            _phase = BackupPhase.Creating;
            return StartOperation(call, failure, status =>
            {
                Host.ReleaseCreationSlot(this);
                if (!Succeeded(status))
                {
                    _phase = BackupPhase.CreationFailed;
                    return;
                }
                FailWritersMissingVolumes();
                foreach (var phase in (ReadOnlySpan<WriterPhase>)[WriterPhase.PrepareForSnapshot, WriterPhase.Freeze, WriterPhase.Thaw, WriterPhase.PostSnapshot])
                {
                    foreach (var writer in _writers.Where(w => w.IsActive))
                    {
                        writer.Raise(phase, Host.Faults);
                    }
                }
                foreach (var writer in _writers.Where(w => w.IsActive))
                {
                    writer.State = VssWriterState.WaitingForBackupComplete;
                }
                CreateSnapshots();
                _phase = BackupPhase.Created;
            });
        }
    }

    /// <summary>Raises BackupComplete. "Do not call this method if the call to DoSnapshotSet failed": VSS_E_BAD_STATE.</summary>
    public IVssAsync BackupComplete()
    {
        const string call = VssCallNames.BackupComplete;
        lock (Host.Sync)
        {
            Enter(call);
            RequireInitialized(call);
            if (_phase != BackupPhase.Created)
            {
                throw Violation(call, $"BackupComplete needs a successful DoSnapshotSet not yet completed or aborted; the backup is {Describe(_phase)}");
            }
            RequireNoPendingOperation(call);
            var failure = TakeOperationFault(call);
            return StartOperation(call, failure, status =>
            {
                if (!Succeeded(status))
                {
                    return;
                }
                foreach (var writer in _writers.Where(w => w.IsActive))
                {
                    if (writer.Raise(WriterPhase.BackupComplete, Host.Faults))
                    {
                        writer.State = VssWriterState.Stable;
                    }
                }
                _phase = BackupPhase.Completed;
            });
        }
    }

    /// <summary>
    /// Gathers every writer's state; callable repeatedly (after each event). Needs the writers identified first
    /// (GatherWriterMetadata finished), else it is out of sequence. Each successful gather must be matched by
    /// FreeWriterStatus: gathering again without freeing counts as a leak.
    /// </summary>
    public IVssAsync GatherWriterStatus()
    {
        const string call = VssCallNames.GatherWriterStatus;
        lock (Host.Sync)
        {
            Enter(call);
            RequireInitialized(call);
            if (!_identified)
            {
                throw Violation(call, "GatherWriterStatus needs the writers identified: GatherWriterMetadata must have finished successfully first");
            }
            RequireNoPendingOperation(call);
            var failure = TakeOperationFault(call);
            return StartOperation(call, failure, status =>
            {
                if (!Succeeded(status))
                {
                    return;
                }
                _status = [.. _writers.Select(w => w.ToStatus())];
                Count(static c => ref c.WriterStatusGathered);
            });
        }
    }

    /// <summary>
    /// In component mode, a writer whose selected components have files on a volume outside the snapshot set fails at
    /// PrepareForSnapshot with VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT ("the shadow copy contains only a subset of the volumes
    /// needed by the writer to correctly back up the application component"). Requesters avoid it by excluding such
    /// components or adding the volumes (docs/vss-reference.md#component-selection).
    /// </summary>
    private void FailWritersMissingVolumes()
    {
        if (!_selectComponents)
        {
            return;
        }
        foreach (var session in _writers.Where(w => w.IsActive))
        {
            var files = session.Writer.Components
                .Where(c => _addedComponents.Contains(Key(session.Writer.InstanceId, session.Writer.ClassId, c.LogicalPath, c.ComponentName)))
                .SelectMany(c => c.AllFiles);
            if (files.Any(f => !_setVolumes.Any(v => f.Path.StartsWith(v.Volume, StringComparison.OrdinalIgnoreCase))))
            {
                session.State = VssWriterState.FailedAtPrepareSnapshot;
                session.Failure = HResults.VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT;
            }
        }
    }

    /// <summary>
    /// Which writers take part, fixed at PrepareForBackup: none in a context with VSS_VOLSNAP_ATTR_NO_WRITERS; otherwise
    /// every identified writer that is not disabled (by class or instance) and, if EnableWriterClasses was used, is enabled;
    /// in component mode (SetBackupState selectComponents = true) only writers with at least one component added.
    /// Writers not taking part keep VSS_WS_STABLE.
    /// </summary>
    private void DecideInvolvedWriters()
    {
        foreach (var session in _writers)
        {
            var writer = session.Writer;
            session.Involved = ContextHasWriters
                && session.State != VssWriterState.FailedAtIdentify
                && !_disabledClasses.Contains(writer.ClassId)
                && !_disabledInstances.Contains(writer.InstanceId)
                && (_enabledClasses is null || _enabledClasses.Contains(writer.ClassId))
                && (!_selectComponents || _addedComponents.Any(c => c.InstanceId == writer.InstanceId && c.WriterId == writer.ClassId));
        }
    }
}
