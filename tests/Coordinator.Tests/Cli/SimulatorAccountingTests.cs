using System.Text.Json;
using Coordinator.Cli;
using Coordinator.Tests.Support;

namespace Coordinator.Tests.Cli;

/// <summary>
/// The result document's "simulator" figures are the job's own: objects made for it and the snapshots they created.
/// Another job running on the same simulated host at the same time (as on a server) is not this job's leak.
/// </summary>
public sealed class SimulatorAccountingTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public async Task A_job_does_not_count_a_concurrent_jobs_live_object_and_snapshot_as_its_leaks()
    {
        using var gate = new ActionGate(_env.Directory);
        // Job A holds its components object and its (non-persistent) snapshot while its action runs.
        var holding = _env.RunAsync(["backup", "C:", "--json", "--journal", Path.Combine(_env.Directory, "a.db"), .. gate.ExecOptions]);
        await gate.WaitEnteredAsync();

        var other = await _env.RunAsync(["backup", "D:", "--json", "--journal", Path.Combine(_env.Directory, "b.db")]);
        gate.Release();
        var held = await holding;

        Assert.Equal(ExitCodes.Succeeded, other.ExitCode);
        Assert.Equal(ExitCodes.Succeeded, held.ExitCode);
        foreach (var run in new[] { other, held })
        {
            var simulator = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("simulator");
            Assert.Equal(0, simulator.GetProperty("leaks").GetInt32());
            Assert.Equal(1, simulator.GetProperty("objectsCreated").GetInt32());
            Assert.Equal(1, simulator.GetProperty("objectsReleased").GetInt32());
            Assert.Equal(0, simulator.GetProperty("snapshotsAlive").GetInt32());
        }
    }
}
