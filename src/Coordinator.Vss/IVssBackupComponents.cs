namespace Coordinator.Vss;

/// <summary>
/// The requester's view of one VSS backup session (COM <c>IVssBackupComponents</c>). Method names and
/// meanings follow AlphaVSS; the five long operations return <see cref="IVssAsync"/> as COM does.
/// Every method throws <see cref="VssException"/> (with the HRESULT, the operation and, where one is
/// involved, the writer) on failure. Disposing releases the object: non-persistent snapshots go with it.
/// </summary>
public interface IVssBackupComponents : IDisposable
{
    /// <summary>Must be the first call. <paramref name="bcdXml"/> is null for a new backup.</summary>
    void InitializeForBackup(string? bcdXml = null);

    void SetContext(VssSnapshotContext context);

    void SetBackupState(bool selectComponents, bool backupBootableSystemState, VssBackupType backupType, bool partialFileSupport);

    /// <summary>Raises the writers' Identify event. Only once per object (a second call: VSS_E_BAD_STATE).</summary>
    IVssAsync GatherWriterMetadata();

    /// <summary>The metadata gathered by <see cref="GatherWriterMetadata"/>, until <see cref="FreeWriterMetadata"/>.</summary>
    IReadOnlyList<VssWriterMetadata> WriterMetadata { get; }

    void FreeWriterMetadata();

    void EnableWriterClasses(params Guid[] writerClassIds);

    void DisableWriterClasses(params Guid[] writerClassIds);

    void DisableWriterInstances(params Guid[] writerInstanceIds);

    void AddComponent(Guid instanceId, Guid writerId, VssComponentType componentType, string? logicalPath, string componentName);

    bool IsVolumeSupported(string volumeName, Guid providerId = default);

    /// <summary>Starts a snapshot set; returns its id. VSS_E_SNAPSHOT_SET_IN_PROGRESS when another set is being created on the host.</summary>
    Guid StartSnapshotSet();

    /// <summary>Adds a volume (with trailing backslash) to the set; returns the snapshot id.</summary>
    Guid AddToSnapshotSet(string volumeName, Guid providerId = default);

    IVssAsync PrepareForBackup();

    IVssAsync DoSnapshotSet();

    VssSnapshotProperties GetSnapshotProperties(Guid snapshotId);

    void SetBackupSucceeded(Guid instanceId, Guid writerId, VssComponentType componentType, string? logicalPath, string componentName, bool succeeded);

    IVssAsync BackupComplete();

    IVssAsync GatherWriterStatus();

    /// <summary>The status gathered by <see cref="GatherWriterStatus"/>, until <see cref="FreeWriterStatus"/>.</summary>
    IReadOnlyList<VssWriterStatusInfo> WriterStatus { get; }

    void FreeWriterStatus();

    /// <summary>Required when a backup ends after StartSnapshotSet and before DoSnapshotSet returns; ignored otherwise.</summary>
    void AbortBackup();

    /// <summary>Deletes one snapshot.</summary>
    void DeleteSnapshot(Guid snapshotId, bool forceDelete);

    /// <summary>Deletes every snapshot of a set; returns how many were deleted.</summary>
    int DeleteSnapshotSet(Guid snapshotSetId, bool forceDelete);

    /// <summary>The snapshots that exist on the host (COM: <c>Query</c> with VSS_OBJECT_SNAPSHOT).</summary>
    IReadOnlyList<VssSnapshotProperties> QuerySnapshots();
}
