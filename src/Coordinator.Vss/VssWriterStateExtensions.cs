namespace Coordinator.Vss;

public static class VssWriterStateExtensions
{
    /// <summary>True for the VSS_WS_FAILED_AT_* states, the ones every requester treats as failure.</summary>
    public static bool IsFailed(this VssWriterState state) =>
        state >= VssWriterState.FailedAtIdentify && state <= VssWriterState.FailedAtBackupShutdown;

    /// <summary>The documented constant name, e.g. VSS_WS_FAILED_AT_FREEZE.</summary>
    public static string ToVssName(this VssWriterState state) => state switch
    {
        VssWriterState.Unknown => "VSS_WS_UNKNOWN",
        VssWriterState.Stable => "VSS_WS_STABLE",
        VssWriterState.WaitingForFreeze => "VSS_WS_WAITING_FOR_FREEZE",
        VssWriterState.WaitingForThaw => "VSS_WS_WAITING_FOR_THAW",
        VssWriterState.WaitingForPostSnapshot => "VSS_WS_WAITING_FOR_POST_SNAPSHOT",
        VssWriterState.WaitingForBackupComplete => "VSS_WS_WAITING_FOR_BACKUP_COMPLETE",
        VssWriterState.FailedAtIdentify => "VSS_WS_FAILED_AT_IDENTIFY",
        VssWriterState.FailedAtPrepareBackup => "VSS_WS_FAILED_AT_PREPARE_BACKUP",
        VssWriterState.FailedAtPrepareSnapshot => "VSS_WS_FAILED_AT_PREPARE_SNAPSHOT",
        VssWriterState.FailedAtFreeze => "VSS_WS_FAILED_AT_FREEZE",
        VssWriterState.FailedAtThaw => "VSS_WS_FAILED_AT_THAW",
        VssWriterState.FailedAtPostSnapshot => "VSS_WS_FAILED_AT_POST_SNAPSHOT",
        VssWriterState.FailedAtBackupComplete => "VSS_WS_FAILED_AT_BACKUP_COMPLETE",
        VssWriterState.FailedAtPreRestore => "VSS_WS_FAILED_AT_PRE_RESTORE",
        VssWriterState.FailedAtPostRestore => "VSS_WS_FAILED_AT_POST_RESTORE",
        VssWriterState.FailedAtBackupShutdown => "VSS_WS_FAILED_AT_BACKUPSHUTDOWN",
        _ => $"VSS_WS_({(int)state})",
    };
}
