namespace Coordinator.Vss.Simulated;

/// <summary>Where a components object is in its one snapshot set's life (VSS allows one set per backup components object).</summary>
internal enum BackupPhase
{
    /// <summary>Before StartSnapshotSet.</summary>
    NoSet,
    /// <summary>After StartSnapshotSet: the object holds the host's creation slot.</summary>
    SetStarted,
    /// <summary>DoSnapshotSet is pending: the slot is still held.</summary>
    Creating,
    /// <summary>DoSnapshotSet succeeded: BackupComplete is allowed.</summary>
    Created,
    /// <summary>DoSnapshotSet failed or was cancelled: no BackupComplete ("do not call BackupComplete if DoSnapshotSet failed").</summary>
    CreationFailed,
    /// <summary>BackupComplete succeeded.</summary>
    Completed,
    /// <summary>AbortBackup ended the backup.</summary>
    Aborted,
}
