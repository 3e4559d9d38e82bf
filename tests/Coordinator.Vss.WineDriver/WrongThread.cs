using System.Runtime.Versioning;
using Coordinator.Vss.Windows;

namespace Coordinator.Vss.WineDriver;

/// <summary>
/// A deliberate misuse: the components object is created on this thread and InitializeForBackup is called
/// from another one. The Wine test expects the stand-in to log a THREAD-VIOLATION for it; that shows the
/// check it relies on to clear the coordinator executable can fail.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class WrongThread
{
    public static int Run()
    {
        var factory = new WindowsVssFactory();
        using var components = factory.CreateVssBackupComponents();
        Exception? error = null;
        var other = new Thread(() =>
        {
            try
            {
                components.InitializeForBackup();
            }
            catch (VssException e)
            {
                error = e;
            }
        });
        other.Start();
        other.Join();
        // Real VSS behind an STA proxy would answer RPC_E_WRONG_THREAD; the stand-in logs and carries on.
        Console.WriteLine(error is null ? "InitializeForBackup returned on another thread" : $"InitializeForBackup failed on another thread: {error.Message}");
        return 0;
    }
}
