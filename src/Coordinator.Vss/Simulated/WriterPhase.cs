namespace Coordinator.Vss.Simulated;

/// <summary>The writer events VSS raises during a backup (CVssWriter::OnIdentify, OnPrepareBackup, ...).</summary>
public enum WriterPhase
{
    /// <summary>Raised by GatherWriterMetadata.</summary>
    Identify,
    /// <summary>Raised by PrepareForBackup.</summary>
    PrepareForBackup,
    /// <summary>Raised by DoSnapshotSet, before Freeze.</summary>
    PrepareForSnapshot,
    /// <summary>Raised by DoSnapshotSet; the writer holds its writes until Thaw.</summary>
    Freeze,
    /// <summary>Raised by DoSnapshotSet once the snapshots exist.</summary>
    Thaw,
    /// <summary>Raised by DoSnapshotSet after Thaw.</summary>
    PostSnapshot,
    /// <summary>Raised by BackupComplete.</summary>
    BackupComplete,
}

public static class WriterPhaseExtensions
{
    /// <summary>The VSS_WS_FAILED_AT_* state VSS reports for a writer that fails in <paramref name="phase"/>.</summary>
    public static VssWriterState FailedState(this WriterPhase phase) => phase switch
    {
        WriterPhase.Identify => VssWriterState.FailedAtIdentify,
        WriterPhase.PrepareForBackup => VssWriterState.FailedAtPrepareBackup,
        WriterPhase.PrepareForSnapshot => VssWriterState.FailedAtPrepareSnapshot,
        WriterPhase.Freeze => VssWriterState.FailedAtFreeze,
        WriterPhase.Thaw => VssWriterState.FailedAtThaw,
        WriterPhase.PostSnapshot => VssWriterState.FailedAtPostSnapshot,
        WriterPhase.BackupComplete => VssWriterState.FailedAtBackupComplete,
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "not a writer phase"),
    };
}
