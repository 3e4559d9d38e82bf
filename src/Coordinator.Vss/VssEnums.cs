namespace Coordinator.Vss;

/// <summary>VSS_SNAPSHOT_CONTEXT values (vss.h).</summary>
public enum VssSnapshotContext
{
    Backup = 0x00000000,
    FileShareBackup = 0x00000010,
    NasRollback = 0x00000019,
    AppRollback = 0x00000009,
    ClientAccessible = 0x0000001D,
    ClientAccessibleWriters = 0x0000000D,
    All = unchecked((int)0xFFFFFFFF),
}

/// <summary>VSS_BACKUP_TYPE values (vss.h).</summary>
public enum VssBackupType
{
    Undefined = 0,
    Full = 1,
    Incremental = 2,
    Differential = 3,
    Log = 4,
    Copy = 5,
    Other = 6,
}

/// <summary>VSS_COMPONENT_TYPE values (vswriter.h).</summary>
public enum VssComponentType
{
    Undefined = 0,
    Database = 1,
    FileGroup = 2,
}

/// <summary>VSS_WRITER_STATE values (vss.h), with their numeric values.</summary>
public enum VssWriterState
{
    Unknown = 0,
    Stable = 1,
    WaitingForFreeze = 2,
    WaitingForThaw = 3,
    WaitingForPostSnapshot = 4,
    WaitingForBackupComplete = 5,
    FailedAtIdentify = 6,
    FailedAtPrepareBackup = 7,
    FailedAtPrepareSnapshot = 8,
    FailedAtFreeze = 9,
    FailedAtThaw = 10,
    FailedAtPostSnapshot = 11,
    FailedAtBackupComplete = 12,
    FailedAtPreRestore = 13,
    FailedAtPostRestore = 14,
    FailedAtBackupShutdown = 15,
}

/// <summary>VSS_USAGE_TYPE values (vswriter.h).</summary>
public enum VssUsageType
{
    Undefined = 0,
    BootableSystemState = 1,
    SystemService = 2,
    UserData = 3,
    Other = 4,
}

/// <summary>VSS_SOURCE_TYPE values (vswriter.h).</summary>
public enum VssSourceType
{
    Undefined = 0,
    TransactedDb = 1,
    NonTransactedDb = 2,
    Other = 3,
}
