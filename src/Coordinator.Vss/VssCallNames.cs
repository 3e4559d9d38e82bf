namespace Coordinator.Vss;

/// <summary>
/// The names of the port's calls: the <see cref="IVssBackupComponents"/> member names, plus
/// <see cref="CreateVssBackupComponents"/> for the factory. They name port members, so they live with the port; the
/// simulator counts calls, matches faults and sets latencies by them, and tests above the port name calls with them.
/// </summary>
public static class VssCallNames
{
    public const string CreateVssBackupComponents = nameof(IVssFactory.CreateVssBackupComponents);
    public const string InitializeForBackup = nameof(IVssBackupComponents.InitializeForBackup);
    public const string SetContext = nameof(IVssBackupComponents.SetContext);
    public const string SetBackupState = nameof(IVssBackupComponents.SetBackupState);
    public const string GatherWriterMetadata = nameof(IVssBackupComponents.GatherWriterMetadata);
    public const string WriterMetadata = nameof(IVssBackupComponents.WriterMetadata);
    public const string FreeWriterMetadata = nameof(IVssBackupComponents.FreeWriterMetadata);
    public const string EnableWriterClasses = nameof(IVssBackupComponents.EnableWriterClasses);
    public const string DisableWriterClasses = nameof(IVssBackupComponents.DisableWriterClasses);
    public const string DisableWriterInstances = nameof(IVssBackupComponents.DisableWriterInstances);
    public const string AddComponent = nameof(IVssBackupComponents.AddComponent);
    public const string IsVolumeSupported = nameof(IVssBackupComponents.IsVolumeSupported);
    public const string StartSnapshotSet = nameof(IVssBackupComponents.StartSnapshotSet);
    public const string AddToSnapshotSet = nameof(IVssBackupComponents.AddToSnapshotSet);
    public const string PrepareForBackup = nameof(IVssBackupComponents.PrepareForBackup);
    public const string DoSnapshotSet = nameof(IVssBackupComponents.DoSnapshotSet);
    public const string GetSnapshotProperties = nameof(IVssBackupComponents.GetSnapshotProperties);
    public const string SetBackupSucceeded = nameof(IVssBackupComponents.SetBackupSucceeded);
    public const string BackupComplete = nameof(IVssBackupComponents.BackupComplete);
    public const string GatherWriterStatus = nameof(IVssBackupComponents.GatherWriterStatus);
    public const string WriterStatus = nameof(IVssBackupComponents.WriterStatus);
    public const string FreeWriterStatus = nameof(IVssBackupComponents.FreeWriterStatus);
    public const string AbortBackup = nameof(IVssBackupComponents.AbortBackup);
    public const string DeleteSnapshot = nameof(IVssBackupComponents.DeleteSnapshot);
    public const string DeleteSnapshotSet = nameof(IVssBackupComponents.DeleteSnapshotSet);
    public const string QuerySnapshots = nameof(IVssBackupComponents.QuerySnapshots);
    public const string Dispose = nameof(IDisposable.Dispose);

    /// <summary>The five operations that return an <see cref="IVssAsync"/> (their faults default to the async result).</summary>
    public static IReadOnlySet<string> Asynchronous { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        GatherWriterMetadata, PrepareForBackup, DoSnapshotSet, BackupComplete, GatherWriterStatus,
    };

    /// <summary>Every call name, for validating scenarios.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        CreateVssBackupComponents, InitializeForBackup, SetContext, SetBackupState, GatherWriterMetadata, WriterMetadata,
        FreeWriterMetadata, EnableWriterClasses, DisableWriterClasses, DisableWriterInstances, AddComponent, IsVolumeSupported,
        StartSnapshotSet, AddToSnapshotSet, PrepareForBackup, DoSnapshotSet, GetSnapshotProperties, SetBackupSucceeded,
        BackupComplete, GatherWriterStatus, WriterStatus, FreeWriterStatus, AbortBackup, DeleteSnapshot, DeleteSnapshotSet,
        QuerySnapshots, Dispose,
    };
}
