using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Coordinator.Vss.Windows.Interop;

namespace Coordinator.Vss.Tests.Windows;

/// <summary>
/// The x64 layouts of the structs VSS fills in for us. The expected numbers are offsetof()/sizeof() by
/// x86_64-w64-mingw32-gcc over vss.h and vsbackup.h; the stand-in vssapi.dll asserts the same numbers
/// with _Static_assert, so the C side and this side cannot drift apart silently.
/// </summary>
public sealed class NativeStructLayoutTests
{
    [Fact]
    public void VSS_SNAPSHOT_PROP_has_the_x64_layout()
    {
        Assert.Equal(128, Unsafe.SizeOf<VssSnapshotPropNative>());
        Assert.Equal(32, Offset<VssSnapshotPropNative>(nameof(VssSnapshotPropNative.SnapshotsCount)));
        Assert.Equal(40, Offset<VssSnapshotPropNative>(nameof(VssSnapshotPropNative.SnapshotDeviceObject)));
        Assert.Equal(88, Offset<VssSnapshotPropNative>(nameof(VssSnapshotPropNative.ProviderId)));
        Assert.Equal(104, Offset<VssSnapshotPropNative>(nameof(VssSnapshotPropNative.SnapshotAttributes)));
        Assert.Equal(112, Offset<VssSnapshotPropNative>(nameof(VssSnapshotPropNative.CreationTimestamp)));
        Assert.Equal(120, Offset<VssSnapshotPropNative>(nameof(VssSnapshotPropNative.Status)));
    }

    [Fact]
    public void VSS_OBJECT_PROP_has_the_x64_layout()
    {
        Assert.Equal(136, Unsafe.SizeOf<VssObjectPropNative>());
        Assert.Equal(8, Offset<VssObjectPropNative>(nameof(VssObjectPropNative.Snap)));
    }

    [Fact]
    public void VSS_COMPONENTINFO_has_the_x64_layout_with_one_byte_booleans()
    {
        Assert.Equal(72, Unsafe.SizeOf<VssComponentInfoNative>());
        Assert.Equal(44, Offset<VssComponentInfoNative>(nameof(VssComponentInfoNative.RestoreMetadata)));
        Assert.Equal(46, Offset<VssComponentInfoNative>(nameof(VssComponentInfoNative.Selectable)));
        Assert.Equal(48, Offset<VssComponentInfoNative>(nameof(VssComponentInfoNative.ComponentFlags)));
        Assert.Equal(52, Offset<VssComponentInfoNative>(nameof(VssComponentInfoNative.FileCount)));
        Assert.Equal(64, Offset<VssComponentInfoNative>(nameof(VssComponentInfoNative.DependencyCount)));
    }

    private static int Offset<T>(string field) => (int)Marshal.OffsetOf<T>(field);
}
