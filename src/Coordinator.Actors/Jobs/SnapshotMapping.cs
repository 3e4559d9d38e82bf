namespace Coordinator.Actors.Jobs;

/// <summary>Which snapshot stands for which volume: what the backup action reads from.</summary>
public sealed record SnapshotMapping(Guid SnapshotSetId, IReadOnlyList<VolumeSnapshot> Volumes);

/// <summary>One volume's snapshot: its id and the device object to read (\\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN).</summary>
public sealed record VolumeSnapshot(string Volume, Guid SnapshotId, string DeviceObject);
