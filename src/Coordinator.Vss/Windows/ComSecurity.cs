using System.Runtime.Versioning;
using Coordinator.Vss.Windows.Interop;

namespace Coordinator.Vss.Windows;

/// <summary>The outcome of <see cref="ComSecurity.Initialize"/>: the HRESULT and a sentence for the log.</summary>
public sealed record ComSecurityResult(int HResult, string Message)
{
    public bool Succeeded => HResult >= 0;

    /// <summary>COM security was set before us (RPC_E_TOO_LATE): writers may be unable to call back.</summary>
    public bool TooLate => HResult == HResults.RPC_E_TOO_LATE;
}

/// <summary>
/// Process-wide COM security for a VSS requester. Without packet privacy, impersonation and static
/// cloaking, writers running as other accounts cannot call back into the requester: they are skipped
/// silently and Event 8194 is logged. It must run first thing in Main, before anything uses COM;
/// afterwards CoInitializeSecurity fails with RPC_E_TOO_LATE, which is reported, never ignored.
/// </summary>
[SupportedOSPlatform("windows")]
public static class ComSecurity
{
    private const uint COINIT_MULTITHREADED = 0x0;
    private const uint RPC_C_AUTHN_LEVEL_PKT_PRIVACY = 6;
    private const uint RPC_C_IMP_LEVEL_IMPERSONATE = 3;
    private const uint EOAC_STATIC_CLOAKING = 0x20;

    public static unsafe ComSecurityResult Initialize()
    {
        // CoInitializeSecurity needs COM initialized on this thread. The reference is kept for the life of
        // the process on purpose: security is process-wide and this thread is the process's main thread.
        var init = NativeMethods.CoInitializeEx(null, COINIT_MULTITHREADED);
        if (init < 0 && init != HResults.RPC_E_CHANGED_MODE)
        {
            return new ComSecurityResult(init,
                $"CoInitializeEx failed with {VssErrorCatalog.ToHex(init)}, so COM security could not be set; VSS will not work in this process. Check that the process is not shutting down and that ole32.dll is intact.");
        }

        var hr = NativeMethods.CoInitializeSecurity(
            null, -1, null, null, RPC_C_AUTHN_LEVEL_PKT_PRIVACY, RPC_C_IMP_LEVEL_IMPERSONATE, null, EOAC_STATIC_CLOAKING, null);
        return new ComSecurityResult(hr, Describe(hr));
    }

    private static string Describe(int hr) => hr switch
    {
        HResults.S_OK =>
            "COM security set: packet privacy, impersonate, static cloaking.",
        HResults.RPC_E_TOO_LATE =>
            "COM security was already set before ComSecurity.Initialize ran (RPC_E_TOO_LATE, 0x80010119): VSS writers may be unable to call back and be skipped (Event 8194). Call ComSecurity.Initialize first thing in Main, before anything uses COM.",
        _ =>
            $"CoInitializeSecurity failed with {VssErrorCatalog.NameOf(hr)} ({VssErrorCatalog.ToHex(hr)}): VSS writers may be unable to call back (Event 8194). Check the process's COM configuration.",
    };
}
