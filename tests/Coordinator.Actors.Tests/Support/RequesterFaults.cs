using Coordinator.Vss;

namespace Coordinator.Actors.Tests.Support;

/// <summary>The requester sequence's calls and the fault classes the fault matrix and the soak inject into them.</summary>
public static class RequesterFaults
{
    /// <summary>Every call of a backup session that can fail, in the order the session makes them.</summary>
    public static readonly IReadOnlyList<string> Steps =
    [
        VssCallNames.CreateVssBackupComponents, VssCallNames.InitializeForBackup, VssCallNames.SetContext, VssCallNames.SetBackupState,
        VssCallNames.IsVolumeSupported, VssCallNames.GatherWriterMetadata, VssCallNames.FreeWriterMetadata, VssCallNames.DisableWriterInstances,
        VssCallNames.AddComponent, VssCallNames.StartSnapshotSet, VssCallNames.AddToSnapshotSet, VssCallNames.PrepareForBackup,
        VssCallNames.DoSnapshotSet, VssCallNames.GetSnapshotProperties, VssCallNames.SetBackupSucceeded, VssCallNames.BackupComplete,
        VssCallNames.GatherWriterStatus, VssCallNames.FreeWriterStatus,
    ];

    /// <summary>One code of each retry class.</summary>
    public static readonly IReadOnlyList<int> CallFaultCodes =
    [
        HResults.VSS_E_WRITER_INFRASTRUCTURE,      // retry the session (or the status gather, on the same object)
        HResults.VSS_E_UNEXPECTED_PROVIDER_ERROR,  // retry the session
        HResults.VSS_E_UNEXPECTED,                 // never retried
        HResults.VSS_E_SNAPSHOT_SET_IN_PROGRESS,   // retry the step, where that step is StartSnapshotSet
    ];
}
