using System.Runtime.Versioning;
using Coordinator.Vss.Windows.Interop;

namespace Coordinator.Vss.Windows;

/// <summary>
/// The real VSS provider: creates components objects with vssapi.dll's CreateVssBackupComponentsInternal.
/// COM must be initialized on the calling thread, and <see cref="ComSecurity.Initialize"/> should have run
/// at process start; the thread that creates an object is the only one that may use it.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsVssFactory : IVssFactory
{
    private const string Operation = "CreateVssBackupComponents";

    public string ProviderName => "windows";

    public unsafe IVssBackupComponents CreateVssBackupComponents()
    {
        if (!Environment.Is64BitProcess)
        {
            // The native struct layouts here are the x64 ones, and VSS rejects 32-bit requesters on
            // 64-bit Windows anyway.
            throw VssException.Create(HResults.E_NOTIMPL, Operation, detail:
                "The Windows VSS provider runs in 64-bit processes only. Use the win-x64 build.");
        }

        // Pre-set: Wine's vssapi returns E_NOTIMPL without writing the out parameter.
        nint pointer = 0;
        int hr;
        try
        {
            hr = NativeMethods.CreateVssBackupComponentsInternal(&pointer);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw VssException.Create(HResults.E_NOTIMPL, Operation, detail:
                $"VSS is not available on this machine (vssapi.dll or its CreateVssBackupComponentsInternal export could not be loaded: {e.Message}); the simulated provider can be used instead.",
                innerException: e);
        }

        if (hr < 0)
        {
            if (pointer != 0)
            {
                // A failed call should not hand out a reference; if one did, do not leak it.
                using var stray = new ComRef(pointer, "IVssBackupComponents");
            }
            throw VssException.Create(hr, Operation, detail: Advice(hr));
        }
        return new WindowsVssBackupComponents(pointer);
    }

    // The advice speaks of providers, not of how a front end selects them: the CLI and the HTTP API add their own hint.
    private static string? Advice(int hr) => hr switch
    {
        HResults.E_NOTIMPL =>
            "VSS is not available on this machine (CreateVssBackupComponentsInternal returned E_NOTIMPL, 0x80004001); the simulated provider can be used instead.",
        HResults.E_ACCESSDENIED =>
            "Creating a VSS requester needs Administrators or Backup Operators membership (an elevated process). Run elevated or as a backup operator.",
        _ => null,
    };
}
