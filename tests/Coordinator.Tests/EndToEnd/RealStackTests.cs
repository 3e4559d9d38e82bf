using System.Net.Http.Json;
using System.Text.Json;
using Coordinator.Cli;
using Coordinator.Tests.Support;

namespace Coordinator.Tests.EndToEnd;

/// <summary>
/// The CLI and the server in-process over the real pieces end to end: the simulator's leak and thread accounting as
/// the result document reports it, machines described by scenario files (persistent state, malformed files, faults).
/// </summary>
public sealed class RealStackTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    private Task<CliRun> RunAsync(params string[] args) => _env.RunAsync(args).WaitAsync(TimeSpan.FromSeconds(60));

    [Fact]
    public async Task A_real_backup_succeeds_with_no_leak_and_no_wrong_thread_call()
    {
        var run = await RunAsync("backup", "C:", "D:", "--json");

        Assert.Equal(ExitCodes.Succeeded, run.ExitCode);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("succeeded", root.GetProperty("status").GetString());
        Assert.Equal(2, root.GetProperty("volumes").GetArrayLength());
        var simulator = root.GetProperty("simulator");
        Assert.Equal(0, simulator.GetProperty("leaks").GetInt32());
        Assert.Equal(0, simulator.GetProperty("wrongThreadCalls").GetInt32());
        Assert.Equal(0, simulator.GetProperty("snapshotsAlive").GetInt32());
        Assert.Equal(simulator.GetProperty("writerStatusGathered").GetInt32(), simulator.GetProperty("writerStatusFreed").GetInt32());
    }

    [Fact]
    public async Task The_server_runs_concurrent_jobs_through_the_actors_without_leaks()
    {
        await using var server = await Server.ServerRun.StartAsync(_env, "--max-concurrent-jobs", "3");

        var ids = new List<string>();
        foreach (var volumes in new[] { new[] { "C:" }, ["D:"], ["C:", "D:"] })
        {
            var response = await server.Client.PostAsJsonAsync("api/jobs", new { volumes });
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        JsonElement last = default;
        foreach (var id in ids)
        {
            last = (JsonElement)await Poll.UntilAsync<object>(async () =>
            {
                var document = await server.Client.GetFromJsonAsync<JsonElement>($"api/jobs/{id}");
                return document.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled" ? document : null;
            }, $"job {id} to finish", TimeSpan.FromSeconds(60));
            Assert.Equal("succeeded", last.GetProperty("status").GetString());
        }
        var simulator = (await server.Client.GetFromJsonAsync<JsonElement>($"api/jobs/{ids[^1]}")).GetProperty("simulator");
        Assert.Equal(0, simulator.GetProperty("wrongThreadCalls").GetInt32());
        Assert.Equal(0, _env.Host.Accounting.WrongThreadCalls);
        Assert.Equal(0, _env.Host.Accounting.Leaks);
        Assert.Equal(3, _env.Host.Accounting.CallsOf(Coordinator.Vss.VssCallNames.DoSnapshotSet));
    }

    [Fact]
    public async Task Persistent_snapshots_outlive_the_job_are_listed_and_deleted()
    {
        var stateFile = Path.Combine(_env.Directory, "state.json");
        var scenario = Path.Combine(_env.Directory, "scenario.json");
        await File.WriteAllTextAsync(scenario, JsonSerializer.Serialize(new { persistentStateFile = stateFile }));

        var backup = await RunAsync("backup", "C:", "D:", "--persistent", "--scenario", scenario, "--json");
        Assert.Equal(ExitCodes.Succeeded, backup.ExitCode);
        var setId = JsonDocument.Parse(backup.Stdout).RootElement.GetProperty("snapshotSetId").GetString();

        var list = await RunAsync("snapshots", "list", "--scenario", scenario, "--json");
        var rows = JsonDocument.Parse(list.Stdout).RootElement.GetProperty("snapshots").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.True(r.GetProperty("present").GetBoolean()));

        var delete = await RunAsync("snapshots", "delete", "--set", setId!, "--scenario", scenario);
        Assert.Equal(ExitCodes.Succeeded, delete.ExitCode);
        Assert.Empty(new Coordinator.Vss.Simulated.PersistentSnapshotStore(stateFile).Load().Snapshots);
    }

    [Fact]
    public async Task A_malformed_scenario_exits_2_naming_the_json_path()
    {
        var scenario = Path.Combine(_env.Directory, "bad.json");
        await File.WriteAllTextAsync(scenario, """{ "faults": [ { "call": "DoSnapshotSet", "hresult": "VSS_E_NOPE" } ] }""");

        var run = await RunAsync("backup", "C:", "--scenario", scenario);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("$.faults[0].hresult", line);
    }

    [Fact]
    public async Task A_writer_fault_fails_the_backup_with_exit_1_and_names_the_writer()
    {
        var scenario = Path.Combine(_env.Directory, "fault.json");
        await File.WriteAllTextAsync(scenario, """{ "writerFaults": [ { "writer": "SqlServerWriter", "phase": "Freeze", "state": "VSS_WS_FAILED_AT_FREEZE", "hresult": "VSS_E_WRITERERROR_NONRETRYABLE" } ] }""");

        var run = await RunAsync("backup", "C:", "D:", "--scenario", scenario, "--json");

        Assert.Equal(ExitCodes.BackupFailed, run.ExitCode);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("failed", root.GetProperty("status").GetString());
        Assert.Equal(0, root.GetProperty("simulator").GetProperty("leaks").GetInt32());
    }
}
