namespace Coordinator.Vss.Windows.Interop;

// Vtable slot numbers (x64 and x86 alike: one pointer per slot), from the MinGW-w64 headers. Only the
// methods the provider calls are listed; each one is checked against the header by VtableLayoutTests.

[VssVtable("IUnknown", "unknwn.h")]
internal static class IUnknownSlots
{
    public const int QueryInterface = 0;
    public const int AddRef = 1;
    public const int Release = 2;
}

[VssVtable("IVssBackupComponents", "vsbackup.h")]
internal static class IVssBackupComponentsSlots
{
    public const int QueryInterface = 0;
    public const int AddRef = 1;
    public const int Release = 2;
    public const int InitializeForBackup = 5;
    public const int SetBackupState = 6;
    public const int GatherWriterMetadata = 9;
    public const int GetWriterMetadataCount = 10;
    public const int GetWriterMetadata = 11;
    public const int FreeWriterMetadata = 12;
    public const int AddComponent = 13;
    public const int PrepareForBackup = 14;
    public const int AbortBackup = 15;
    public const int GatherWriterStatus = 16;
    public const int GetWriterStatusCount = 17;
    public const int FreeWriterStatus = 18;
    public const int GetWriterStatus = 19;
    public const int SetBackupSucceeded = 20;
    public const int BackupComplete = 27;
    public const int SetContext = 35;
    public const int StartSnapshotSet = 36;
    public const int AddToSnapshotSet = 37;
    public const int DoSnapshotSet = 38;
    public const int DeleteSnapshots = 39;
    public const int GetSnapshotProperties = 42;
    public const int Query = 43;
    public const int IsVolumeSupported = 44;
    public const int DisableWriterClasses = 45;
    public const int EnableWriterClasses = 46;
    public const int DisableWriterInstances = 47;
}

[VssVtable("IVssAsync", "vss.h")]
internal static class IVssAsyncSlots
{
    public const int QueryInterface = 0;
    public const int AddRef = 1;
    public const int Release = 2;
    public const int Cancel = 3;
    public const int Wait = 4;
    public const int QueryStatus = 5;
}

[VssVtable("IVssExamineWriterMetadata", "vsbackup.h")]
internal static class IVssExamineWriterMetadataSlots
{
    public const int QueryInterface = 0;
    public const int AddRef = 1;
    public const int Release = 2;
    public const int GetIdentity = 3;
    public const int GetFileCounts = 4;
    public const int GetExcludeFile = 6;
    public const int GetComponent = 7;
}

[VssVtable("IVssWMComponent", "vsbackup.h")]
internal static class IVssWMComponentSlots
{
    public const int QueryInterface = 0;
    public const int AddRef = 1;
    public const int Release = 2;
    public const int GetComponentInfo = 3;
    public const int FreeComponentInfo = 4;
    public const int GetFile = 5;
    public const int GetDatabaseFile = 6;
    public const int GetDatabaseLogFile = 7;
}

[VssVtable("IVssWMFiledesc", "vswriter.h")]
internal static class IVssWMFiledescSlots
{
    public const int QueryInterface = 0;
    public const int AddRef = 1;
    public const int Release = 2;
    public const int GetPath = 3;
    public const int GetFilespec = 4;
    public const int GetRecursive = 5;
    public const int GetAlternateLocation = 6;
}

[VssVtable("IVssEnumObject", "vss.h")]
internal static class IVssEnumObjectSlots
{
    public const int QueryInterface = 0;
    public const int AddRef = 1;
    public const int Release = 2;
    public const int Next = 3;
}
