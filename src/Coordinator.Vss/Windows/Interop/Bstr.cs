namespace Coordinator.Vss.Windows.Interop;

/// <summary>
/// BSTR handling. BSTRs we receive are owned by us and freed exactly once here; the counter lets the
/// Wine proof compare "freed by the provider" with "handed out by the stand-in vssapi.dll".
/// </summary>
internal static unsafe class Bstr
{
    private static long s_freed;

    /// <summary>BSTRs received from VSS and freed by the provider since process start.</summary>
    public static long Freed => Interlocked.Read(ref s_freed);

    /// <summary>Allocates a BSTR for an input parameter; null stays null. Free it with <see cref="Free"/>.</summary>
    public static nint Allocate(string? value)
    {
        if (value is null)
        {
            return 0;
        }
        fixed (char* chars = value)
        {
            var bstr = NativeMethods.SysAllocStringLen(chars, (uint)value.Length);
            return bstr != 0 ? bstr : throw new OutOfMemoryException("SysAllocStringLen failed for a BSTR argument.");
        }
    }

    /// <summary>Copies a received BSTR (its length prefix, not a NUL, says where it ends) and frees it.</summary>
    public static string? TakeString(nint bstr)
    {
        if (bstr == 0)
        {
            return null;
        }
        try
        {
            return new string((char*)bstr, 0, (int)NativeMethods.SysStringLen(bstr));
        }
        finally
        {
            Free(bstr);
            Interlocked.Increment(ref s_freed);
        }
    }

    public static void Free(nint bstr)
    {
        if (bstr != 0)
        {
            NativeMethods.SysFreeString(bstr);
        }
    }
}
