namespace Coordinator.Vss.Simulated;

// The snapshot set and the snapshots: StartSnapshotSet/AddToSnapshotSet with VSS's volume rules, the host-wide creation
// slot, properties, query and delete.
public sealed partial class SimulatedBackupComponents
{
    private readonly List<(string Volume, Guid SnapshotId)> _setVolumes = [];
    private BackupPhase _phase = BackupPhase.NoSet;
    private Guid _snapshotSetId;

    /// <summary>
    /// Opens the object's snapshot set and takes the host's creation slot: "only one shadow copy creation operation can be in
    /// progress at one time" per machine, so while another object is between StartSnapshotSet and the end of its DoSnapshotSet
    /// (or its AbortBackup / release), this fails with VSS_E_SNAPSHOT_SET_IN_PROGRESS. One set per object.
    /// </summary>
    public Guid StartSnapshotSet()
    {
        const string call = VssCallNames.StartSnapshotSet;
        lock (Host.Sync)
        {
            Enter(call);
            RequireInitialized(call);
            if (_phase is BackupPhase.SetStarted or BackupPhase.Creating)
            {
                throw Failure(call, HResults.VSS_E_SNAPSHOT_SET_IN_PROGRESS, $"this object's own snapshot set {_snapshotSetId:B} is still being created");
            }
            if (_phase != BackupPhase.NoSet)
            {
                throw Violation(call, $"a components object creates one snapshot set; the backup is {Describe(_phase)}; use a new object");
            }
            if (_context == VssSnapshotContext.All)
            {
                throw Failure(call, HResults.VSS_E_UNSUPPORTED_CONTEXT, "VSS_CTX_ALL is for queries and deletes; set a creation context (e.g. Backup)");
            }
            if (!Host.TryAcquireCreationSlot(this))
            {
                throw Failure(call, HResults.VSS_E_SNAPSHOT_SET_IN_PROGRESS,
                    $"components object #{Host.CreationSlotHolderNumber} is creating a snapshot set on this host; retry after it finishes");
            }
            try
            {
                ThrowIfImmediateFault(call);
            }
            catch
            {
                Host.ReleaseCreationSlot(this);
                throw;
            }
            _snapshotSetId = Guid.NewGuid();
            _phase = BackupPhase.SetStarted;
            Completed(call);
            return _snapshotSetId;
        }
    }

    /// <summary>
    /// Adds a volume; checks in VSS's order: the name needs its trailing backslash (E_INVALIDARG), a registered provider
    /// (VSS_E_PROVIDER_NOT_REGISTERED), an existing volume (VSS_E_OBJECT_NOT_FOUND), a supported one
    /// (VSS_E_VOLUME_NOT_SUPPORTED), not already in the set (VSS_E_OBJECT_ALREADY_EXISTS), at most 64 per set
    /// (VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED).
    /// </summary>
    public Guid AddToSnapshotSet(string volumeName, Guid providerId = default)
    {
        const string call = VssCallNames.AddToSnapshotSet;
        lock (Host.Sync)
        {
            Enter(call);
            RequireInitialized(call);
            if (_phase != BackupPhase.SetStarted)
            {
                throw Violation(call, $"AddToSnapshotSet needs an open snapshot set (StartSnapshotSet) not yet being created; the backup is {Describe(_phase)}");
            }
            CheckVolume(call, volumeName, providerId);
            if (!Host.IsSupportedVolume(volumeName))
            {
                throw Failure(call, HResults.VSS_E_VOLUME_NOT_SUPPORTED, $"volume '{volumeName}' does not support shadow copies");
            }
            if (_setVolumes.Any(v => string.Equals(v.Volume, volumeName, StringComparison.OrdinalIgnoreCase)))
            {
                throw Failure(call, HResults.VSS_E_OBJECT_ALREADY_EXISTS, $"volume '{volumeName}' is already in snapshot set {_snapshotSetId:B}");
            }
            if (_setVolumes.Count >= VssLimits.MaxVolumesPerSnapshotSet)
            {
                throw Failure(call, HResults.VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED,
                    $"a snapshot set holds at most {VssLimits.MaxVolumesPerSnapshotSet} volumes; split the volumes over several sets");
            }
            ThrowIfImmediateFault(call);
            var snapshotId = Guid.NewGuid();
            _setVolumes.Add((volumeName, snapshotId));
            Completed(call);
            return snapshotId;
        }
    }

    /// <summary>False for an unsupported volume; VSS_E_OBJECT_NOT_FOUND for one the host does not have.</summary>
    public bool IsVolumeSupported(string volumeName, Guid providerId = default)
    {
        const string call = VssCallNames.IsVolumeSupported;
        lock (Host.Sync)
        {
            Enter(call);
            RequireInitialized(call);
            CheckVolume(call, volumeName, providerId);
            ThrowIfImmediateFault(call);
            Completed(call);
            return Host.IsSupportedVolume(volumeName);
        }
    }

    public VssSnapshotProperties GetSnapshotProperties(Guid snapshotId)
    {
        const string call = VssCallNames.GetSnapshotProperties;
        lock (Host.Sync)
        {
            Enter(call);
            RequireInitialized(call);
            var snapshot = Host.FindSnapshot(snapshotId)
                ?? throw Failure(call, HResults.VSS_E_OBJECT_NOT_FOUND, $"no snapshot {snapshotId:B} exists on the host (a set's snapshots exist once DoSnapshotSet has finished)");
            ThrowIfImmediateFault(call);
            Completed(call);
            return snapshot.Properties;
        }
    }

    public void DeleteSnapshot(Guid snapshotId, bool forceDelete)
    {
        const string call = VssCallNames.DeleteSnapshot;
        lock (Host.Sync)
        {
            Enter(call);
            RequireInitialized(call);
            if (Host.FindSnapshot(snapshotId) is null)
            {
                throw Failure(call, HResults.VSS_E_OBJECT_NOT_FOUND, $"no snapshot {snapshotId:B} exists on the host (already deleted?)");
            }
            ThrowIfImmediateFault(call);
            Host.RemoveSnapshots([snapshotId]);
            Completed(call);
        }
    }

    public int DeleteSnapshotSet(Guid snapshotSetId, bool forceDelete)
    {
        const string call = VssCallNames.DeleteSnapshotSet;
        lock (Host.Sync)
        {
            Enter(call);
            RequireInitialized(call);
            var ids = Host.AllSnapshots.Where(s => s.Properties.SnapshotSetId == snapshotSetId).Select(s => s.Id).ToList();
            if (ids.Count == 0)
            {
                throw Failure(call, HResults.VSS_E_OBJECT_NOT_FOUND, $"no snapshot of set {snapshotSetId:B} exists on the host (already deleted?)");
            }
            ThrowIfImmediateFault(call);
            Host.RemoveSnapshots(ids);
            Completed(call);
            return ids.Count;
        }
    }

    /// <summary>The snapshots of this object's context (all of them with VSS_CTX_ALL), as VSS's Query filters by context.</summary>
    public IReadOnlyList<VssSnapshotProperties> QuerySnapshots()
    {
        const string call = VssCallNames.QuerySnapshots;
        lock (Host.Sync)
        {
            Enter(call);
            RequireInitialized(call);
            ThrowIfImmediateFault(call);
            Completed(call);
            return
            [
                .. Host.AllSnapshots
                    .Where(s => _context == VssSnapshotContext.All || s.Properties.Context == _context)
                    .Select(s => s.Properties)
                    .OrderBy(p => p.CreationTimestamp)
                    .ThenBy(p => SimulatedVssHost.DeviceNumberOf(p.SnapshotDeviceObject)),
            ];
        }
    }

    private void CheckVolume(string call, string volumeName, Guid providerId)
    {
        ArgumentNullException.ThrowIfNull(volumeName);
        if (!volumeName.EndsWith('\\'))
        {
            throw Failure(call, HResults.E_INVALIDARG, $"volume name '{volumeName}' must end with a backslash, e.g. C:\\");
        }
        if (providerId != Guid.Empty && providerId != SimulatedVssHost.ProviderId)
        {
            throw Failure(call, HResults.VSS_E_PROVIDER_NOT_REGISTERED,
                $"provider {providerId:B} is not registered; use Guid.Empty (default provider) or {SimulatedVssHost.ProviderId:B}");
        }
        if (!Host.IsKnownVolume(volumeName))
        {
            throw Failure(call, HResults.VSS_E_OBJECT_NOT_FOUND, $"volume '{volumeName}' does not exist on the host (it has {string.Join(", ", Host.Volumes)})");
        }
    }

    /// <summary>Under the host lock, when DoSnapshotSet completes: one snapshot per volume, device objects numbered per host.</summary>
    private void CreateSnapshots()
    {
        var now = Host.Time.GetUtcNow();
        var persistent = ContextIsPersistent;
        var snapshots = _setVolumes.Select(v => new SimulatedSnapshot(
            new VssSnapshotProperties(v.SnapshotId, _snapshotSetId, _setVolumes.Count, Host.NextDeviceObject(), v.Volume, Host.MachineName,
                now, SimulatedVssHost.ProviderId, _context, persistent),
            Owner: persistent ? null : this) { Requester = Requester }).ToList();
        Host.AddSnapshots(snapshots);
    }
}
