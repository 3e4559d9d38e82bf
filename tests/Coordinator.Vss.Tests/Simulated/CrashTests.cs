using System.Collections.Concurrent;
using System.Diagnostics;
using Coordinator.Vss.Simulated;
using Coordinator.Vss.Tests.Support;

namespace Coordinator.Vss.Tests.Simulated;

/// <summary>
/// A requester process killed with SIGKILL leaves its persistent snapshots behind, exactly as on Windows, and its
/// non-persistent ones vanish with it; a new host (the restarted coordinator) finds and deletes the orphans.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vss-crash-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_killed_process_leaves_its_persistent_snapshots_for_the_next_host()
    {
        var stateFile = Path.Combine(_directory, "sim-host.json");
        var ids = RunChildAndKillIt(stateFile);

        var restarted = new SimulatedVssHost(new SimulatedVssHostOptions { TimeProvider = new ManualTimeProvider(), PersistentStateFile = stateFile });
        using var cleaner = Sim.Initialized(restarted, VssSnapshotContext.All);
        var left = Assert.Single(cleaner.QuerySnapshots());
        Assert.Equal(ids["persistent"], left.SnapshotId);
        Assert.True(left.Persistent);
        Sim.AssertCode(HResults.VSS_E_OBJECT_NOT_FOUND, Sim.Throws(() => cleaner.GetSnapshotProperties(ids["non-persistent"])));
        cleaner.DeleteSnapshot(left.SnapshotId, forceDelete: false);
        Assert.Empty(cleaner.QuerySnapshots());
    }

    /// <summary>Starts <see cref="CrashChild"/>, waits for its "ready" line, kills it (SIGKILL on Unix), returns the ids it printed.</summary>
    private static Dictionary<string, Guid> RunChildAndKillIt(string stateFile)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(CrashChild).Assembly.Location);
        start.ArgumentList.Add(CrashChild.Verb);
        start.ArgumentList.Add(stateFile);
        var lines = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<string>();
        using var ready = new ManualResetEventSlim();
        using var child = new Process { StartInfo = start };
        child.OutputDataReceived += (_, e) =>
        {
            if (e.Data == CrashChild.Ready)
            {
                ready.Set();
            }
            else if (e.Data is not null)
            {
                lines.Enqueue(e.Data);
            }
        };
        child.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                errors.Enqueue(e.Data);
            }
        };
        child.Start();
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        try
        {
            Assert.True(ready.Wait(TimeSpan.FromSeconds(60)),
                $"the child never said '{CrashChild.Ready}' (exited: {child.HasExited}); its error output: {string.Join('\n', errors)}");
        }
        finally
        {
            child.Kill(); // SIGKILL on Unix: no finalizer, no Dispose, nothing more runs in the child
            child.WaitForExit();
        }
        return lines.Select(l => l.Split(' ')).ToDictionary(p => p[0], p => Guid.Parse(p[1]));
    }
}
