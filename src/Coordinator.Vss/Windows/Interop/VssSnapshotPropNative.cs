using System.Runtime.InteropServices;

namespace Coordinator.Vss.Windows.Interop;

/// <summary>
/// VSS_SNAPSHOT_PROP (vss.h), x64 layout: 128 bytes. Offsets are explicit so a mistake is visible, and
/// StructLayoutTests pins them to the values the stand-in vssapi.dll asserts with offsetof() at compile time.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
internal unsafe struct VssSnapshotPropNative
{
    [FieldOffset(0)] public Guid SnapshotId;
    [FieldOffset(16)] public Guid SnapshotSetId;
    [FieldOffset(32)] public int SnapshotsCount;
    [FieldOffset(40)] public char* SnapshotDeviceObject;
    [FieldOffset(48)] public char* OriginalVolumeName;
    [FieldOffset(56)] public char* OriginatingMachine;
    [FieldOffset(64)] public char* ServiceMachine;
    [FieldOffset(72)] public char* ExposedName;
    [FieldOffset(80)] public char* ExposedPath;
    [FieldOffset(88)] public Guid ProviderId;
    [FieldOffset(104)] public int SnapshotAttributes;
    [FieldOffset(112)] public long CreationTimestamp;
    [FieldOffset(120)] public int Status;

    // VSS_VOLSNAP_ATTR_* bits that make up a VSS_CTX_* value: PERSISTENT | CLIENT_ACCESSIBLE |
    // NO_AUTO_RELEASE | NO_WRITERS. Other attribute bits (DIFFERENTIAL, PLEX, ...) are not context.
    private const int ContextBits = 0x01 | 0x04 | 0x08 | 0x10;
    private const int PersistentBit = 0x01;

    /// <summary>Copies the properties out; the caller frees the native strings with VssFreeSnapshotPropertiesInternal.</summary>
    public readonly VssSnapshotProperties ToManaged() => new(
        SnapshotId,
        SnapshotSetId,
        SnapshotsCount,
        new string(SnapshotDeviceObject),
        new string(OriginalVolumeName),
        new string(OriginatingMachine),
        // VSS_TIMESTAMP is a FILETIME in a LONGLONG: 100 ns ticks since 1601, UTC.
        new DateTimeOffset(DateTime.FromFileTimeUtc(CreationTimestamp)),
        ProviderId,
        (VssSnapshotContext)(SnapshotAttributes & ContextBits),
        (SnapshotAttributes & PersistentBit) != 0);
}

/// <summary>VSS_OBJECT_PROP (vss.h): the type, then the VSS_OBJECT_UNION at offset 8. 136 bytes on x64.</summary>
[StructLayout(LayoutKind.Explicit, Size = 136)]
internal struct VssObjectPropNative
{
    public const int VSS_OBJECT_SNAPSHOT = 3;

    [FieldOffset(0)] public int Type;
    [FieldOffset(8)] public VssSnapshotPropNative Snap;
}

/// <summary>
/// VSS_COMPONENTINFO (vsbackup.h), x64 layout: 72 bytes. The four flags are C++ <c>bool</c> / MIDL
/// <c>boolean</c>, one byte each, packed at offsets 44..47.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 72)]
internal struct VssComponentInfoNative
{
    [FieldOffset(0)] public int Type;
    [FieldOffset(8)] public nint LogicalPath;
    [FieldOffset(16)] public nint ComponentName;
    [FieldOffset(24)] public nint Caption;
    [FieldOffset(32)] public nint Icon;
    [FieldOffset(40)] public uint IconSize;
    [FieldOffset(44)] public byte RestoreMetadata;
    [FieldOffset(45)] public byte NotifyOnBackupComplete;
    [FieldOffset(46)] public byte Selectable;
    [FieldOffset(47)] public byte SelectableForRestore;
    [FieldOffset(48)] public uint ComponentFlags;
    [FieldOffset(52)] public uint FileCount;
    [FieldOffset(56)] public uint DatabaseCount;
    [FieldOffset(60)] public uint LogFileCount;
    [FieldOffset(64)] public uint DependencyCount;
}
