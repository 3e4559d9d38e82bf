using Coordinator.Vss.Tests.Contract;
using Coordinator.Vss.Windows;

namespace Coordinator.Vss.WineContract;

/// <summary>
/// The provider contract against <see cref="WindowsVssFactory"/>. Under Wine, vssapi.dll is the stand-in;
/// on Windows it is the real one (run elevated). The thread-affinity contract is not run: the runner's thread
/// is MTA, where COM hands the caller the object itself, not a proxy, so VSS does not answer RPC_E_WRONG_THREAD.
/// Affinity is enforced by the actors and tested against the simulator.
/// </summary>
public sealed class WindowsProviderContract : VssBackupComponentsContract
{
    protected override IVssFactory CreateFactory() => WindowsProviderFactory.Create();
}

/// <summary>
/// Persistent snapshots: the stand-in and Windows Server keep them; client Windows has no VSS_CTX_APP_ROLLBACK, so
/// there the runner skips this class (and says so) when COORDINATOR_VSS_PERSISTENT=0.
/// </summary>
public sealed class WindowsProviderPersistentSnapshotContract : PersistentSnapshotContract
{
    public const string SkipVariable = "COORDINATOR_VSS_PERSISTENT";

    protected override IVssFactory CreateFactory() => WindowsProviderFactory.Create();
}

internal static class WindowsProviderFactory
{
    public static IVssFactory Create() =>
        OperatingSystem.IsWindows() ? new WindowsVssFactory() : throw new PlatformNotSupportedException("Windows only.");
}
