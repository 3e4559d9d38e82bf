using System.Text.Json;
using Coordinator.Cli;
using Coordinator.Journal;
using Coordinator.Providers;
using Coordinator.Tests.Support;

namespace Coordinator.Tests.Cli;

public sealed class WritersAndSnapshotsTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public async Task Writers_json_lists_writers_with_components_and_states_from_the_real_simulator()
    {
        var stdout = new SyncWriter();
        var stderr = new SyncWriter();
        var app = new CliApp(new CliConsole(stdout, stderr, interactive: false), CliDependencies.Default);

        var exit = await app.RunAsync(["writers", "--provider", "simulated", "--json"], CancellationToken.None);

        Assert.Equal(ExitCodes.Succeeded, exit);
        var root = JsonDocument.Parse(stdout.Text).RootElement;
        Assert.Equal("simulated", root.GetProperty("provider").GetString());
        var sql = root.GetProperty("writers").EnumerateArray().Single(w => w.GetProperty("name").GetString() == "SqlServerWriter");
        Assert.Equal("VSS_WS_STABLE", sql.GetProperty("state").GetString());
        Assert.NotEmpty(sql.GetProperty("components").EnumerateArray());
    }

    [Fact]
    public async Task Writers_uses_one_components_object_on_one_thread_and_frees_what_it_gathers()
    {
        var run = await _env.RunAsync(["writers"]);

        Assert.Equal(ExitCodes.Succeeded, run.ExitCode);
        Assert.Contains("SqlServerWriter", run.Stdout);
        var accounting = _env.Host.Accounting;
        Assert.Equal(1, accounting.ObjectsCreated);
        Assert.Equal(0, accounting.WrongThreadCalls);
        Assert.Equal(1, accounting.WriterMetadataGathered);
        Assert.Equal(1, accounting.WriterStatusGathered);
        Assert.True(accounting.Leaks == 0, accounting.ToString());
    }

    [Fact]
    public async Task Persistent_snapshots_are_listed_and_deleted_by_set()
    {
        var backup = await _env.RunAsync(["backup", "C:", "D:", "--persistent", "--json"]);
        var setId = JsonDocument.Parse(backup.Stdout).RootElement.GetProperty("snapshotSetId").GetString()!;
        Assert.Equal(2, (await _env.SnapshotsAsync()).Count);

        var list = await _env.RunAsync(["snapshots", "list", "--json"]);
        var rows = JsonDocument.Parse(list.Stdout).RootElement.GetProperty("snapshots").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(setId, r.GetProperty("setId").GetString());
            Assert.True(r.GetProperty("present").GetBoolean());
        });

        var delete = await _env.RunAsync(["snapshots", "delete", "--set", setId]);
        Assert.Equal(ExitCodes.Succeeded, delete.ExitCode);
        Assert.Empty(await _env.SnapshotsAsync());
        Assert.Empty(new SqliteJournal(_env.JournalPath).LiveSnapshotSets());
        Assert.Equal(0, _env.Host.Accounting.WrongThreadCalls);
        Assert.Equal(0, _env.Host.Accounting.Leaks);
    }

    [Fact]
    public async Task Delete_all_treats_already_gone_as_done()
    {
        await _env.RunAsync(["backup", "C:", "--persistent", "--json"]);
        var set = Assert.Single(await _env.SnapshotsAsync()).SnapshotSetId;
        await _env.DeleteSetElsewhereAsync(set); // another requester on the machine deleted it

        var delete = await _env.RunAsync(["snapshots", "delete", "--all"]);

        Assert.Equal(ExitCodes.Succeeded, delete.ExitCode);
        Assert.Contains("already gone", delete.Stdout);
        Assert.Empty(new SqliteJournal(_env.JournalPath).LiveSnapshotSets());
    }

    [Fact]
    public async Task Delete_by_snapshot_id_deletes_just_that_one()
    {
        await _env.RunAsync(["backup", "C:", "D:", "--persistent", "--json"]);
        var c = (await _env.SnapshotsAsync()).Single(s => s.OriginalVolumeName == "C:\\").SnapshotId;

        var delete = await _env.RunAsync(["snapshots", "delete", "--id", c.ToString()]);

        Assert.Equal(ExitCodes.Succeeded, delete.ExitCode);
        Assert.Equal("D:\\", Assert.Single(await _env.SnapshotsAsync()).OriginalVolumeName);
        Assert.Single(new SqliteJournal(_env.JournalPath).LiveSnapshotSets());
    }

    [Fact]
    public async Task DedicatedThread_runs_work_off_the_caller_thread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var worker = await DedicatedThread.Run("t", () => Environment.CurrentManagedThreadId);
        Assert.NotEqual(caller, worker);
    }
}
