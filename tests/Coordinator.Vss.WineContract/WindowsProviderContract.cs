#if HAS_CONTRACT
using Coordinator.Vss.Tests.Contract;
using Coordinator.Vss.Windows;

namespace Coordinator.Vss.WineContract;

/// <summary>
/// The provider contract against <see cref="WindowsVssFactory"/>. Under Wine, vssapi.dll is the stand-in;
/// on Windows it is the real one (run elevated).
/// </summary>
public sealed class WindowsProviderContract : VssBackupComponentsContract
{
    protected override IVssFactory CreateFactory() =>
        OperatingSystem.IsWindows() ? new WindowsVssFactory() : throw new PlatformNotSupportedException("Windows only.");

    // The runner's thread is MTA: there COM hands the caller the object itself, not a proxy, and VSS does
    // not answer RPC_E_WRONG_THREAD. Thread affinity is enforced by the actors, and tested on the simulator.
    protected override bool EnforcesThreadAffinity => false;

    // Client Windows has no persistent (VSS_CTX_APP_ROLLBACK) snapshots; the stand-in and Windows Server do.
    protected override bool SupportsPersistentSnapshots =>
        Environment.GetEnvironmentVariable("COORDINATOR_VSS_PERSISTENT") != "0";
}
#endif
