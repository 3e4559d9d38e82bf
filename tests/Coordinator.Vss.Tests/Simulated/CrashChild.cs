using Coordinator.Vss.Simulated;
using Coordinator.Vss.Tests.Support;

namespace Coordinator.Vss.Tests.Simulated;

/// <summary>
/// The child process of the SIGKILL test: it makes a persistent snapshot of C:\ and a non-persistent one of D:\ on a host
/// with a state file, prints their ids and "ready", then blocks until it is killed (it never cleans up).
/// </summary>
public static class CrashChild
{
    public const string Verb = "crash-child";
    public const string Ready = "ready";

    public static int Run(string stateFile)
    {
        var host = new SimulatedVssHost(new SimulatedVssHostOptions { PersistentStateFile = stateFile });
        var persistent = Sim.Initialized(host, VssSnapshotContext.AppRollback);
        var persistentId = Sim.CreateSnapshots(persistent, @"C:\").Single();
        persistent.BackupComplete().WaitAndCheck("BackupComplete");
        var backup = Sim.Initialized(host);
        var backupId = Sim.CreateSnapshots(backup, @"D:\").Single();
        Console.WriteLine($"persistent {persistentId}");
        Console.WriteLine($"non-persistent {backupId}");
        Console.WriteLine(Ready);
        Console.Out.Flush();
        Console.In.ReadLine(); // the parent never writes: it kills this process
        GC.KeepAlive(backup);
        return 0;
    }
}
