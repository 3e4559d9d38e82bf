namespace Coordinator.Vss;

/// <summary>A snapshot's properties (COM <c>VSS_SNAPSHOT_PROP</c>), copied out so the native struct can be freed at once.</summary>
/// <param name="SnapshotDeviceObject">E.g. \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy12: where the backup reads from.</param>
/// <param name="OriginalVolumeName">The volume the snapshot was taken of, e.g. \\?\Volume{...}\ or C:\ in the simulator.</param>
/// <param name="Persistent">True when the snapshot outlives its components object and must be deleted with DeleteSnapshots.</param>
public sealed record VssSnapshotProperties(
    Guid SnapshotId,
    Guid SnapshotSetId,
    int SnapshotsCount,
    string SnapshotDeviceObject,
    string OriginalVolumeName,
    string OriginatingMachine,
    DateTimeOffset CreationTimestamp,
    Guid ProviderId,
    VssSnapshotContext Context,
    bool Persistent);
