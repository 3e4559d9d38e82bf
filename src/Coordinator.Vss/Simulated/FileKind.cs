using System.Runtime.InteropServices;

namespace Coordinator.Vss.Simulated;

/// <summary>
/// Whether a path is a regular file. .NET tells directories from files but not a regular file from a device, a pipe or
/// a socket, and the state file must be one: reading /dev/full never ends, opening a pipe blocks, and renaming a new
/// state over a device would replace it. On Unix the runtime's own native shim answers (its FileStatus starts with two
/// int32s, flags then mode, on every platform); elsewhere every existing non-directory counts as a file.
/// </summary>
internal static partial class FileKind
{
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    /// <summary>True for a regular file (after following links); false for anything else, or when the path does not exist.</summary>
    public static bool IsRegularFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }
        if (OperatingSystem.IsWindows())
        {
            return true;
        }
        try
        {
            var status = new FileStatus();
            return Stat(path, ref status) == 0 ? (status.Mode & TypeMask) == RegularFile : true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not this runtime's shim: the bounded read of Load still stops a device that never ends.
            return true;
        }
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, ref FileStatus output);

    /// <summary>The start of the shim's FileStatus, with room to spare for the rest (about 120 bytes today).</summary>
    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }
}
