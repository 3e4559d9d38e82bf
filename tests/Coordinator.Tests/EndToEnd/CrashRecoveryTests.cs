using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Coordinator.Tests.Support;
using Coordinator.Vss.Simulated;

namespace Coordinator.Tests.EndToEnd;

/// <summary>
/// The end-to-end crash test: a real server process (real actors, real simulator with its persistent state
/// file) is SIGKILLed while a persistent job's action runs; after a restart the job is failed ("interrupted") and no
/// snapshot is left.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const string Token = "e2e-token-0123456789";
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    /// <summary>A simulator whose persistent snapshots outlive the process (its state file), and `serve` on it.</summary>
    private async Task<(string StateFile, string Scenario, string[] Serve)> ServerOnAPersistentSimulatorAsync()
    {
        var stateFile = Path.Combine(_env.Directory, "simulator-state.json");
        var scenario = Path.Combine(_env.Directory, "scenario.json");
        await File.WriteAllTextAsync(scenario, JsonSerializer.Serialize(new { persistentStateFile = stateFile }));
        var tokenFile = Path.Combine(_env.Directory, "token");
        await File.WriteAllTextAsync(tokenFile, Token);
        return (stateFile, scenario, ["serve", "--urls", "http://127.0.0.1:0", "--token-file", tokenFile, "--journal", _env.JournalPath,
            "--provider", "simulated", "--scenario", scenario]);
    }

    [Fact]
    public async Task Sigkill_during_the_action_then_restart_leaves_the_job_failed_and_no_snapshot()
    {
        var (stateFile, scenario, serve) = await ServerOnAPersistentSimulatorAsync();
        // A unique duration lets the test find (and end) the orphaned sleep by its command line after the SIGKILL.
        var sleepArgument = $"600.{Random.Shared.Next(100000, 999999)}";

        string jobId;
        using (var first = ChildCoordinator.Start(serve))
        {
            using var client = Client(await first.WaitForListeningAsync());
            var submitted = await client.PostAsJsonAsync("api/jobs", new
            {
                volumes = new[] { "C:\\" },
                persistent = true,
                action = new { program = "/bin/sleep", arguments = new[] { sleepArgument } },
            });
            Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
            jobId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

            // The action runs once the set exists (persisted by the simulator) and the program has started.
            await Poll.UntilAsync(() => new PersistentSnapshotStore(stateFile).Load().Snapshots.Count > 0 && SleepPids(sleepArgument).Any(),
                "the snapshot set to exist and the action to run", TimeSpan.FromSeconds(60));
            var running = await client.GetFromJsonAsync<JsonElement>($"api/jobs/{jobId}");
            Assert.Equal("running", running.GetProperty("status").GetString());

            first.Process.Kill(); // SIGKILL: no cleanup runs
            await first.Process.WaitForExitAsync();
        }
        foreach (var pid in SleepPids(sleepArgument))
        {
            KillQuietly(pid);
        }
        Assert.NotEmpty(new PersistentSnapshotStore(stateFile).Load().Snapshots);

        using (var second = ChildCoordinator.Start(serve))
        {
            using var client = Client(await second.WaitForListeningAsync());
            var document = await client.GetFromJsonAsync<JsonElement>($"api/jobs/{jobId}");
            Assert.Equal("failed", document.GetProperty("status").GetString());
            Assert.Contains("interrupted", document.GetProperty("error").GetProperty("message").GetString());
            Assert.Empty(new PersistentSnapshotStore(stateFile).Load().Snapshots);
        }

        var list = await ChildCoordinator.RunAsync("snapshots", "list", "--json", "--journal", _env.JournalPath, "--provider", "simulated", "--scenario", scenario);
        Assert.Equal(0, list.ExitCode);
        Assert.Empty(JsonDocument.Parse(list.Stdout).RootElement.GetProperty("snapshots").EnumerateArray());
    }

    /// <summary>
    /// Progress events are committed in groups. With the flush interval held at 10 minutes, the running job's latest
    /// events ("running the backup action") sit in memory, committed by nothing, when the server is SIGKILLed. They are
    /// lost; what must not be: the finished job's final state and events, and every snapshot-set record, so that
    /// recovery leaves the finished persistent job's snapshots alone and deletes the running one's.
    /// </summary>
    [Fact]
    public async Task Sigkill_while_progress_events_wait_for_their_batch_commit_keeps_final_states_and_snapshot_records()
    {
        var (stateFile, scenario, serve) = await ServerOnAPersistentSimulatorAsync();
        var heldBatches = new Dictionary<string, string> { ["coordinator__journal-flush-interval"] = "10m" };
        var sleepArgument = $"600.{Random.Shared.Next(100000, 999999)}";

        string finishedJob, runningJob;
        IReadOnlyList<string> finishedEvents;
        Guid finishedSet, runningSet;
        using (var first = ChildCoordinator.Start(heldBatches, serve))
        {
            using var client = Client(await first.WaitForListeningAsync());
            finishedJob = await SubmitAsync(client, new { volumes = new[] { "C:\\" }, persistent = true });
            await Poll.UntilAsync(async () => (await client.GetFromJsonAsync<JsonElement>($"api/jobs/{finishedJob}")).GetProperty("status").GetString() == "succeeded"
                ? "done" : null, "the first job to succeed", TimeSpan.FromSeconds(60));

            runningJob = await SubmitAsync(client, new
            {
                volumes = new[] { "D:\\" },
                persistent = true,
                action = new { program = "/bin/sleep", arguments = new[] { sleepArgument } },
            });
            await Poll.UntilAsync(() => SleepPids(sleepArgument).Any(), "the second job's action to run", TimeSpan.FromSeconds(60));

            using (var journal = new Coordinator.Journal.SqliteJournal(_env.JournalPath))
            {
                finishedEvents = journal.GetEvents(finishedJob).Select(e => e.Json).ToList();
                finishedSet = Assert.Single(journal.LiveSnapshotSets(), s => s.JobId == finishedJob).SetId;
                // Recorded durably before DoSnapshotSet, whatever the batching of events.
                runningSet = Assert.Single(journal.LiveSnapshotSets(), s => s.JobId == runningJob).SetId;
            }
            Assert.NotEmpty(finishedEvents);
            Assert.Equal(2, new PersistentSnapshotStore(stateFile).Load().Snapshots.Count);

            first.Process.Kill(); // SIGKILL: the batch of events waiting in memory is never committed
            await first.Process.WaitForExitAsync();
        }
        foreach (var pid in SleepPids(sleepArgument))
        {
            KillQuietly(pid);
        }

        using (var reopened = new Coordinator.Journal.SqliteJournal(_env.JournalPath))
        {
            // The event announcing the action was emitted (the action ran) but never committed: the kill fell in between.
            Assert.DoesNotContain(reopened.GetEvents(runningJob), e => e.Json.Contains("running the backup action", StringComparison.Ordinal));
        }

        using (var second = ChildCoordinator.Start(serve))
        {
            using var client = Client(await second.WaitForListeningAsync());
            var finished = await client.GetFromJsonAsync<JsonElement>($"api/jobs/{finishedJob}");
            Assert.Equal("succeeded", finished.GetProperty("status").GetString());
            var interrupted = await client.GetFromJsonAsync<JsonElement>($"api/jobs/{runningJob}");
            Assert.Equal("failed", interrupted.GetProperty("status").GetString());
            Assert.Contains("interrupted", interrupted.GetProperty("error").GetProperty("message").GetString());

            // No orphan: only the finished persistent job's snapshot is left, in the simulator and in the journal.
            var left = Assert.Single(new PersistentSnapshotStore(stateFile).Load().Snapshots);
            Assert.Equal(finishedSet, left.SnapshotSetId);
        }
        using (var journal = new Coordinator.Journal.SqliteJournal(_env.JournalPath))
        {
            Assert.Equal(finishedEvents, journal.GetEvents(finishedJob).Select(e => e.Json));
            Assert.Equal(finishedSet, Assert.Single(journal.LiveSnapshotSets()).SetId);
            Assert.Equal("deleted at recovery", journal.GetSnapshotSet(runningSet)!.GoneHow);
        }
    }

    private static async Task<string> SubmitAsync(HttpClient client, object request)
    {
        var submitted = await client.PostAsJsonAsync("api/jobs", request);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        return (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Sigkill_of_a_cli_backup_is_recovered_by_the_next_cli_backup()
    {
        var stateFile = Path.Combine(_env.Directory, "simulator-state.json");
        var scenario = Path.Combine(_env.Directory, "scenario.json");
        await File.WriteAllTextAsync(scenario, JsonSerializer.Serialize(new { persistentStateFile = stateFile }));
        var sleepArgument = $"600.{Random.Shared.Next(100000, 999999)}";
        string[] common = ["--journal", _env.JournalPath, "--provider", "simulated", "--scenario", scenario];

        using (var crashed = ChildCoordinator.Start(["backup", "C:\\", "--persistent", "--exec", "/bin/sleep", "--exec-arg", sleepArgument, "--json", .. common]))
        {
            await Poll.UntilAsync(() => new PersistentSnapshotStore(stateFile).Load().Snapshots.Count > 0 && SleepPids(sleepArgument).Any(),
                "the snapshot set to exist and the action to run", TimeSpan.FromSeconds(60));
            crashed.Process.Kill(); // SIGKILL: no cleanup runs
            await crashed.Process.WaitForExitAsync();
        }
        foreach (var pid in SleepPids(sleepArgument))
        {
            KillQuietly(pid);
        }
        Assert.NotEmpty(new PersistentSnapshotStore(stateFile).Load().Snapshots);
        var interruptedJob = Assert.Single(new Coordinator.Journal.SqliteJournal(_env.JournalPath).JobsWithStatus("running"));

        var next = await ChildCoordinator.RunAsync(["backup", "D:\\", "--json", .. common]);

        Assert.Equal(0, next.ExitCode);
        Assert.Empty(new PersistentSnapshotStore(stateFile).Load().Snapshots);
        var journal = new Coordinator.Journal.SqliteJournal(_env.JournalPath);
        Assert.Equal("failed", journal.GetJob(interruptedJob.Id)!.Status);
        Assert.Empty(journal.LiveSnapshotSets());
        // The killed process's owner lock file was swept, and the second process removed its own at exit.
        Assert.Empty(Directory.EnumerateFiles(Coordinator.Journal.JournalOwnership.OwnersDirectory(_env.JournalPath)));
    }

    [Fact]
    public async Task Sigterm_cancels_the_running_job_with_full_cleanup_before_the_server_exits()
    {
        var stateFile = Path.Combine(_env.Directory, "simulator-state.json");
        var scenario = Path.Combine(_env.Directory, "scenario.json");
        await File.WriteAllTextAsync(scenario, JsonSerializer.Serialize(new { persistentStateFile = stateFile }));
        var tokenFile = Path.Combine(_env.Directory, "token");
        await File.WriteAllTextAsync(tokenFile, Token);
        var sleepArgument = $"600.{Random.Shared.Next(100000, 999999)}";

        using var server = ChildCoordinator.Start("serve", "--urls", "http://127.0.0.1:0", "--token-file", tokenFile, "--journal", _env.JournalPath,
            "--provider", "simulated", "--scenario", scenario);
        using var client = Client(await server.WaitForListeningAsync());
        var submitted = await client.PostAsJsonAsync("api/jobs", new
        {
            volumes = new[] { "C:\\", "D:\\" },
            persistent = true,
            action = new { program = "/bin/sleep", arguments = new[] { sleepArgument } },
        });
        var jobId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await Poll.UntilAsync(() => SleepPids(sleepArgument).Any(), "the action to run", TimeSpan.FromSeconds(60));

        using (var term = System.Diagnostics.Process.Start("kill", ["-TERM", server.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }
        await server.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, server.Process.ExitCode);
        var job = new Coordinator.Journal.SqliteJournal(_env.JournalPath).GetJob(jobId)!;
        Assert.Equal("cancelled", job.Status);
        Assert.Empty(new PersistentSnapshotStore(stateFile).Load().Snapshots);
        Assert.Empty(new Coordinator.Journal.SqliteJournal(_env.JournalPath).LiveSnapshotSets());
        await Poll.UntilAsync(() => !SleepPids(sleepArgument).Any(), "the action's program to end");
    }

    [Fact]
    public async Task The_token_can_come_from_the_COORDINATOR_TOKEN_environment_variable()
    {
        using var server = ChildCoordinator.Start(new Dictionary<string, string> { ["COORDINATOR_TOKEN"] = Token },
            "serve", "--urls", "http://127.0.0.1:0", "--journal", _env.JournalPath, "--provider", "simulated");
        var baseAddress = await server.WaitForListeningAsync();

        using var anonymous = new HttpClient { BaseAddress = baseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/jobs")).StatusCode);
        using var client = Client(baseAddress);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/jobs")).StatusCode);
        Assert.DoesNotContain(Token, server.Stdout + server.Stderr);
    }

    private static HttpClient Client(Uri baseAddress)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    private static IEnumerable<int> SleepPids(string argument)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            string cmdline;
            try
            {
                cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            if (IsSleep(cmdline, argument))
            {
                yield return pid;
            }
        }
    }

    private static void KillQuietly(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (InvalidOperationException)
        {
        }
    }

    /// <summary>The sleep itself (argv[0] is sleep), not a coordinator whose own command line mentions it.</summary>
    private static bool IsSleep(string cmdline, string argument)
    {
        var argv = cmdline.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        return argv.Length >= 2 && Path.GetFileName(argv[0]) == "sleep" && argv[1] == argument;
    }
}
