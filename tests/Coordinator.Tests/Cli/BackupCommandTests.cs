using System.Text.Json;
using Coordinator.Cli;
using Coordinator.Journal;
using Coordinator.Tests.Support;
using Coordinator.Vss;
using Coordinator.Vss.Simulated;

namespace Coordinator.Tests.Cli;

public sealed class BackupCommandTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public async Task Json_prints_exactly_one_document_with_the_contract_fields()
    {
        var run = await _env.RunAsync(["backup", "c:", "D:\\", "--json"]);

        Assert.Equal(ExitCodes.Succeeded, run.ExitCode);
        Assert.Equal("", run.Stderr);
        using var document = JsonDocument.Parse(run.Stdout); // throws if anything but one JSON document is on stdout
        var root = document.RootElement;
        Assert.Equal("succeeded", root.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("error").ValueKind);
        Assert.Equal(1, root.GetProperty("attempts").GetInt32());
        Assert.True(Guid.TryParse(root.GetProperty("snapshotSetId").GetString(), out _));
        Assert.Equal("simulated", root.GetProperty("provider").GetString());
        var volumes = root.GetProperty("volumes").EnumerateArray().ToList();
        Assert.Equal(["C:\\", "D:\\"], volumes.Select(v => v.GetProperty("volume").GetString()));
        Assert.All(volumes, v =>
        {
            Assert.True(Guid.TryParse(v.GetProperty("snapshotId").GetString(), out _));
            Assert.StartsWith("\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy", v.GetProperty("deviceObject").GetString());
        });
        var writer = root.GetProperty("writers")[0];
        foreach (var field in new[] { "name", "classId", "instanceId", "state", "failure" })
        {
            Assert.True(writer.TryGetProperty(field, out _), $"writers[].{field} missing");
        }
        var simulator = root.GetProperty("simulator");
        foreach (var field in new[] { "leaks", "objectsCreated", "objectsReleased", "writerStatusGathered", "writerStatusFreed",
                     "writerMetadataGathered", "writerMetadataFreed", "snapshotsAlive", "wrongThreadCalls" })
        {
            Assert.True(simulator.TryGetProperty(field, out _), $"simulator.{field} missing");
        }
    }

    [Fact]
    public async Task Failed_backup_exits_1_and_the_error_names_operation_hresult_and_writer()
    {
        // The writer (its databases are on D:) fails at freeze, i.e. during DoSnapshotSet, with a failure no retry can cure.
        _env.Host.Faults.Add(new WriterFault("SqlServerWriter", WriterPhase.Freeze, HResults.VSS_E_WRITERERROR_NONRETRYABLE));

        var run = await _env.RunAsync(["backup", "D:", "--json"]);

        Assert.Equal(ExitCodes.BackupFailed, run.ExitCode);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        var error = root.GetProperty("error");
        Assert.Equal("DoSnapshotSet", error.GetProperty("operation").GetString());
        Assert.Equal("0x800423F4", error.GetProperty("hresult").GetString());
        Assert.Equal("VSS_E_WRITERERROR_NONRETRYABLE", error.GetProperty("name").GetString());
        Assert.Equal("SqlServerWriter", error.GetProperty("writer").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        var sql = root.GetProperty("writers").EnumerateArray().Single(w => w.GetProperty("name").GetString() == "SqlServerWriter");
        Assert.Equal("VSS_WS_FAILED_AT_FREEZE", sql.GetProperty("state").GetString());
        Assert.Equal(0, _env.Host.Accounting.Leaks);
    }

    [Theory]
    [InlineData(2, ExitCodes.Succeeded, "succeeded", 3)]
    [InlineData(3, ExitCodes.BackupFailed, "failed", 3)]
    public async Task An_infrastructure_fault_is_retried_on_new_objects_up_to_the_configured_attempts(int failures, int exitCode, string status, int attempts)
    {
        _env.Host.Faults.Add(new CallFault(VssCallNames.GatherWriterMetadata, HResults.VSS_E_WRITER_INFRASTRUCTURE, times: failures));
        var config = Path.Combine(_env.Directory, "fast-retry.hocon");
        await File.WriteAllTextAsync(config, "coordinator.retry { max-attempts = 3, min-backoff = 5ms, max-backoff = 20ms }\n");

        var run = await _env.RunAsync(["backup", "C:", "--config", config, "--json"]);

        Assert.Equal(exitCode, run.ExitCode);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(status, root.GetProperty("status").GetString());
        Assert.Equal(attempts, root.GetProperty("attempts").GetInt32());
        Assert.Equal(attempts, _env.Host.Accounting.CallsOf(VssCallNames.GatherWriterMetadata));
        if (exitCode == ExitCodes.BackupFailed)
        {
            var error = root.GetProperty("error");
            Assert.Equal("GatherWriterMetadata", error.GetProperty("operation").GetString());
            Assert.Equal("VSS_E_WRITER_INFRASTRUCTURE", error.GetProperty("name").GetString());
        }
        Assert.True(_env.Host.Accounting.Leaks == 0, _env.Host.Accounting.ToString());
    }

    [Fact]
    public async Task Human_output_says_the_provider_is_simulated_and_ends_with_volume_and_writer_tables()
    {
        var run = await _env.RunAsync(["backup", "C:"]);

        Assert.Equal(ExitCodes.Succeeded, run.ExitCode);
        Assert.Contains("simulated VSS provider (VSS is Windows-only)", run.Stdout);
        Assert.Contains("DoSnapshotSet", run.Stdout); // live progress, one line per phase off a terminal
        Assert.Contains("HarddiskVolumeShadowCopy", run.Stdout);
        Assert.Contains("VSS_WS_STABLE", run.Stdout);
        Assert.Contains("SqlServerWriter", run.Stdout);
    }

    [Fact]
    public async Task The_live_terminal_view_renders_without_blocking_the_job()
    {
        var stdout = new SyncWriter();
        var stderr = new SyncWriter();
        var app = new Coordinator.Cli.CliApp(new CliConsole(stdout, stderr, interactive: true), _env.Dependencies);

        var exit = await app.RunAsync(["backup", "C:", "--journal", _env.JournalPath], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.Succeeded, exit);
        Assert.Contains("DoSnapshotSet", stdout.Text);
        Assert.Contains("VSS_WS_STABLE", stdout.Text);
    }

    [Fact]
    public async Task Every_job_is_journaled_with_its_events_and_result()
    {
        var run = await _env.RunAsync(["backup", "C:", "--json"]);
        var jobId = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("jobId").GetString()!;

        using var journal = new SqliteJournal(_env.JournalPath);
        var record = journal.GetJob(jobId)!;
        Assert.Equal(JobStates.Succeeded, record.Status);
        Assert.NotNull(record.ResultJson);
        Assert.Contains(journal.GetEvents(jobId), e => e.Json.Contains("\"phase\":\"DoSnapshotSet\""));
        Assert.Empty(journal.LiveSnapshotSets()); // non-persistent: released with the job
    }

    [Fact]
    public async Task Cancelling_exits_130_after_cleanup()
    {
        using var action = new ActionGate(_env.Directory);
        using var cancellation = new CancellationTokenSource();

        var running = _env.RunAsync(["backup", "C:", "D:", "--persistent", "--json", .. action.ExecOptions], cancellation.Token);
        await action.WaitEnteredAsync();
        Assert.Equal(2, _env.Host.Accounting.PersistentSnapshotsAlive); // the set exists while the action runs
        cancellation.Cancel();
        var run = await running.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.Equal("cancelled", JsonDocument.Parse(run.Stdout).RootElement.GetProperty("status").GetString());
        // Cancelled means not kept, persistent or not: the set is deleted and the journal says so.
        Assert.Equal(0, _env.Host.Accounting.SnapshotsAlive);
        Assert.Equal(0, _env.Host.Accounting.Leaks);
        Assert.Empty(new SqliteJournal(_env.JournalPath).LiveSnapshotSets());
    }

    [Fact]
    public async Task Cancelling_while_the_snapshot_set_is_being_created_exits_130_and_leaves_nothing()
    {
        var creating = _env.Host.Faults.Block(VssCallNames.DoSnapshotSet);
        using var cancellation = new CancellationTokenSource();

        var running = _env.RunAsync(["backup", "C:", "D:", "--persistent", "--json"], cancellation.Token);
        Assert.True(await Task.Run(() => creating.WaitEntered(TimeSpan.FromSeconds(30))), "DoSnapshotSet was never called");
        cancellation.Cancel();
        var run = await running.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.Equal("cancelled", JsonDocument.Parse(run.Stdout).RootElement.GetProperty("status").GetString());
        Assert.Equal(0, _env.Host.Accounting.SnapshotsAlive);
        Assert.True(_env.Host.Accounting.Leaks == 0, _env.Host.Accounting.ToString());
        Assert.Empty(new SqliteJournal(_env.JournalPath).LiveSnapshotSets());
    }

    [Fact]
    public async Task Exec_runs_the_program_without_a_shell()
    {
        var marker = Path.Combine(_env.Directory, "ran");
        var run = await _env.RunAsync(["backup", "C:", "--exec", "touch", "--exec-arg", marker, "--json"]);

        Assert.Equal(ExitCodes.Succeeded, run.ExitCode);
        Assert.True(File.Exists(marker));
    }

    [Fact]
    public async Task Windows_provider_on_linux_is_an_environment_problem()
    {
        var run = await _env.RunAsync(["backup", "C:", "--provider", "windows"]);

        Assert.Equal(ExitCodes.Environment, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("coordinator: error: --provider: the Windows VSS provider needs Windows", line);
    }

    [Fact]
    public async Task An_unusable_journal_is_an_environment_problem()
    {
        var blocker = Path.Combine(_env.Directory, "a-file");
        await File.WriteAllTextAsync(blocker, "");

        var run = await _env.RunAsync(["backup", "C:", "--journal", Path.Combine(blocker, "journal.db")]);

        Assert.Equal(ExitCodes.Environment, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"coordinator: error: --journal: '{Path.Combine(blocker, "journal.db")}': ", line);
        Assert.EndsWith("choose another file", line);
    }

    [Fact]
    public async Task Help_documents_the_exit_codes()
    {
        var run = await _env.RunAsync(["backup", "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("130 cancelled", run.Stdout);
        Assert.Contains("3 environment problem", run.Stdout);
    }
}
