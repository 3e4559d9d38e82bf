using System.Runtime.InteropServices;

namespace Coordinator.Vss.Windows.Interop;

/// <summary>
/// The flat Win32 exports the provider uses. Every signature is blittable (pointers, integers, GUIDs),
/// so the source generator emits a plain call with no marshalling stub: trim-safe and explicit.
/// </summary>
internal static unsafe partial class NativeMethods
{
    private const string VssApi = "vssapi.dll";
    private const string OleAut32 = "oleaut32.dll";
    private const string Ole32 = "ole32.dll";
    private const string Kernel32 = "kernel32.dll";
    private const string AdvApi32 = "advapi32.dll";

    // vssapi.dll (vsbackup.h): the documented entry points behind CreateVssBackupComponents and
    // VssFreeSnapshotProperties, which are inline wrappers in the SDK headers.
    [LibraryImport(VssApi)]
    public static partial int CreateVssBackupComponentsInternal(nint* ppBackup);

    [LibraryImport(VssApi)]
    public static partial void VssFreeSnapshotPropertiesInternal(VssSnapshotPropNative* pProp);

    // oleaut32.dll: BSTRs cross the interface in both directions.
    [LibraryImport(OleAut32)]
    public static partial nint SysAllocStringLen(char* str, uint length);

    [LibraryImport(OleAut32)]
    public static partial void SysFreeString(nint bstr);

    [LibraryImport(OleAut32)]
    public static partial uint SysStringLen(nint bstr);

    // ole32.dll: process-wide COM security (ComSecurity).
    [LibraryImport(Ole32)]
    public static partial int CoInitializeEx(void* reserved, uint coInit);

    [LibraryImport(Ole32)]
    public static partial int CoInitializeSecurity(
        void* securityDescriptor,
        int authServiceCount,
        void* authServices,
        void* reserved1,
        uint authnLevel,
        uint impLevel,
        void* authList,
        uint capabilities,
        void* reserved3);

    // kernel32.dll / advapi32.dll: the pre-flight checks.
    [LibraryImport(Kernel32)]
    public static partial nint GetCurrentProcess();

    [LibraryImport(Kernel32, SetLastError = true)]
    public static partial int IsWow64Process(nint process, int* wow64Process);

    [LibraryImport(Kernel32)]
    public static partial int CloseHandle(nint handle);

    [LibraryImport(AdvApi32, SetLastError = true)]
    public static partial int OpenProcessToken(nint process, uint desiredAccess, nint* token);

    [LibraryImport(AdvApi32, SetLastError = true)]
    public static partial int GetTokenInformation(nint token, int informationClass, void* information, uint length, uint* returnLength);

    [LibraryImport(AdvApi32, SetLastError = true)]
    public static partial int LookupPrivilegeValueW(char* systemName, char* name, Luid* luid);

    [StructLayout(LayoutKind.Sequential)]
    public struct Luid
    {
        public uint LowPart;
        public int HighPart;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct LuidAndAttributes
    {
        public Luid Luid;
        public uint Attributes;
    }
}
