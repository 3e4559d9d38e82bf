using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Coordinator.Journal;
using Coordinator.Tests.Support;
using Coordinator.Vss.Simulated;

namespace Coordinator.Tests.EndToEnd;

/// <summary>
/// Two real coordinator processes on one --journal: the one that starts second recovers only what dead processes
/// left, never a job another live process is running (a CLI beside a CLI, a CLI beside a server, two servers).
/// The running job's action waits for a "go" file, so the test decides when it ends.
/// </summary>
public sealed class SharedJournalTests : IDisposable
{
    private const string Token = "shared-journal-token-0123456789";
    private readonly TestEnvironment _env = new();
    private readonly string _stateFile;
    private readonly string _scenario;
    private readonly string _tokenFile;
    private readonly string _started;
    private readonly string _go;
    private readonly string _waitScript;
    private readonly string _ranBy;

    public SharedJournalTests()
    {
        _stateFile = Path.Combine(_env.Directory, "simulator-state.json");
        _scenario = Path.Combine(_env.Directory, "scenario.json");
        File.WriteAllText(_scenario, JsonSerializer.Serialize(new { persistentStateFile = _stateFile }));
        _tokenFile = Path.Combine(_env.Directory, "token");
        File.WriteAllText(_tokenFile, Token);
        _started = Path.Combine(_env.Directory, "action-started");
        _go = Path.Combine(_env.Directory, "go");
        _waitScript = Path.Combine(_env.Directory, "wait-for-go.sh");
        // The action says it runs, then waits (polling a file, as a shell can) until the test lets it finish.
        File.WriteAllText(_waitScript, "touch \"$1\"\nwhile [ ! -e \"$2\" ]; do sleep 0.05; done\n");
        // A second kind of action writes which process ran it (the shell's parent: the coordinator).
        _ranBy = Path.Combine(_env.Directory, "ran-by");
    }

    public void Dispose()
    {
        File.WriteAllText(_go, ""); // never leave an action waiting
        _env.Dispose();
    }

    private string[] Common => ["--journal", _env.JournalPath, "--provider", "simulated", "--scenario", _scenario];

    private string[] Serve => ["serve", "--urls", "http://127.0.0.1:0", "--token-file", _tokenFile, .. Common];

    private string[] WaitingBackup => ["backup", "C:\\", "--persistent", "--json", "--exec", "/bin/sh",
        "--exec-arg", _waitScript, "--exec-arg", _started, "--exec-arg", _go, .. Common];

    private object WaitingRequest => new
    {
        volumes = new[] { "C:\\" },
        persistent = true,
        action = new { program = "/bin/sh", arguments = new[] { _waitScript, _started, _go } },
    };

    [Fact]
    public async Task A_cli_backup_leaves_the_job_another_cli_backup_is_running_alone()
    {
        using var first = ChildCoordinator.Start(WaitingBackup);
        var running = await RunningJobAsync(() => first.Process.HasExited ? first.Stderr : null);

        var second = await ChildCoordinator.RunAsync(["backup", "D:\\", "--json", .. Common]);

        Assert.True(second.ExitCode == 0, second.Stderr);
        AssertStillRunning(running);

        await FinishAsync(first.Process);
        Assert.True(first.Process.ExitCode == 0, first.Stderr);
        AssertSucceededWithItsSnapshotKept(running);
        // Both exited normally: neither left its owner lock file behind.
        Assert.Empty(Directory.EnumerateFiles(JournalOwnership.OwnersDirectory(_env.JournalPath)));
    }

    [Fact]
    public async Task A_cli_backup_leaves_the_job_a_server_is_running_alone()
    {
        using var server = ChildCoordinator.Start(Serve);
        using var client = Client(await server.WaitForListeningAsync());
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("api/jobs", WaitingRequest)).StatusCode);
        var running = await RunningJobAsync(() => server.Process.HasExited ? server.Stderr : null);

        var cli = await ChildCoordinator.RunAsync(["backup", "D:\\", "--json", .. Common]);

        Assert.True(cli.ExitCode == 0, cli.Stderr);
        AssertStillRunning(running);

        File.WriteAllText(_go, "");
        await Poll.UntilAsync(() => new SqliteJournal(_env.JournalPath).GetJob(running.Id)!.Status != JobStates.Running,
            "the server's job to finish", TimeSpan.FromSeconds(60));
        AssertSucceededWithItsSnapshotKept(running);
    }

    [Fact]
    public async Task A_second_server_on_the_journal_leaves_the_job_the_first_server_is_running_alone()
    {
        using var first = ChildCoordinator.Start(Serve);
        using var firstClient = Client(await first.WaitForListeningAsync());
        Assert.Equal(HttpStatusCode.Accepted, (await firstClient.PostAsJsonAsync("api/jobs", WaitingRequest)).StatusCode);
        var running = await RunningJobAsync(() => first.Process.HasExited ? first.Stderr : null);

        using var second = ChildCoordinator.Start(Serve);
        using var secondClient = Client(await second.WaitForListeningAsync());

        var seenBySecond = await secondClient.GetFromJsonAsync<JsonElement>($"api/jobs/{running.Id}");
        Assert.Equal("running", seenBySecond.GetProperty("status").GetString());
        AssertStillRunning(running);

        File.WriteAllText(_go, "");
        await Poll.UntilAsync(() => new SqliteJournal(_env.JournalPath).GetJob(running.Id)!.Status != JobStates.Running,
            "the first server's job to finish", TimeSpan.FromSeconds(60));
        AssertSucceededWithItsSnapshotKept(running);
    }

    [Fact]
    public async Task A_second_server_leaves_the_jobs_queued_by_a_live_server_to_it()
    {
        using var first = ChildCoordinator.Start([.. Serve, "--max-concurrent-jobs", "1"]);
        using var firstClient = Client(await first.WaitForListeningAsync());
        Assert.Equal(HttpStatusCode.Accepted, (await firstClient.PostAsJsonAsync("api/jobs", WaitingRequest)).StatusCode);
        var running = await RunningJobAsync(() => first.Process.HasExited ? first.Stderr : null);
        var queuedId = await SubmitAsync(firstClient, ReportingRequest);

        using var second = ChildCoordinator.Start(Serve);
        using var secondClient = Client(await second.WaitForListeningAsync());
        Assert.Equal("queued", (await secondClient.GetFromJsonAsync<JsonElement>($"api/jobs/{queuedId}")).GetProperty("status").GetString());

        File.WriteAllText(_go, "");
        await Poll.UntilAsync(() => new SqliteJournal(_env.JournalPath).GetJob(queuedId)!.Status == JobStates.Succeeded,
            "the queued job to run", TimeSpan.FromSeconds(60));
        Assert.Equal(JobStates.Succeeded, new SqliteJournal(_env.JournalPath).GetJob(running.Id)!.Status);
        Assert.Equal(first.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(_ranBy).Trim());
    }

    [Fact]
    public async Task A_server_starting_runs_the_jobs_a_killed_server_left_queued()
    {
        string queuedId;
        using (var killed = ChildCoordinator.Start([.. Serve, "--max-concurrent-jobs", "1"]))
        {
            using var client = Client(await killed.WaitForListeningAsync());
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("api/jobs", WaitingRequest)).StatusCode);
            await RunningJobAsync(() => killed.Process.HasExited ? killed.Stderr : null);
            queuedId = await SubmitAsync(client, ReportingRequest);
            killed.Process.Kill(); // SIGKILL: its lock is released, its queue is gone
            await killed.Process.WaitForExitAsync();
        }
        File.WriteAllText(_go, ""); // the killed server's action, orphaned, may end now

        using var next = ChildCoordinator.Start(Serve);
        await next.WaitForListeningAsync();

        await Poll.UntilAsync(() => new SqliteJournal(_env.JournalPath).GetJob(queuedId)!.Status == JobStates.Succeeded,
            "the next server to run the queued job", TimeSpan.FromSeconds(60));
        Assert.Equal(next.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(_ranBy).Trim());
    }

    [Fact]
    public async Task Backup_refuses_to_run_where_file_locks_do_not_exclude_other_processes()
    {
        using var child = ChildCoordinator.Start(new Dictionary<string, string> { ["DOTNET_SYSTEM_IO_DISABLEFILELOCKING"] = "1" },
            ["backup", "C:\\", "--json", .. Common]);
        await child.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        child.Process.WaitForExit(); // drains the redirected streams

        Assert.Equal(3, child.Process.ExitCode);
        var line = Assert.Single(child.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("file locks do not exclude other processes", line);
        Assert.Contains(_env.JournalPath, line);
        Assert.Empty(new SqliteJournal(_env.JournalPath).ListJobs());
    }

    private object ReportingRequest => new
    {
        volumes = new[] { "D:\\" },
        action = new { program = "/bin/sh", arguments = new[] { "-c", "echo $PPID > \"$0\"", _ranBy } },
    };

    private static async Task<string> SubmitAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("api/jobs", request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>The one running job, once its action runs (its snapshot set is journaled and exists by then).</summary>
    private async Task<(string Id, Guid SetId)> RunningJobAsync(Func<string?> exitedWith)
    {
        await Poll.UntilAsync(() => File.Exists(_started) || exitedWith() is not null, "the job's action to run", TimeSpan.FromSeconds(60));
        Assert.True(exitedWith() is null, $"the owner exited: {exitedWith()}");
        using var journal = new SqliteJournal(_env.JournalPath);
        var job = Assert.Single(journal.JobsWithStatus(JobStates.Running));
        var set = Assert.Single(journal.LiveSnapshotSets(), s => s.JobId == job.Id);
        Assert.Contains(new PersistentSnapshotStore(_stateFile).Load().Snapshots, s => s.SnapshotSetId == set.SetId);
        return (job.Id, set.SetId);
    }

    private void AssertStillRunning((string Id, Guid SetId) running)
    {
        using var journal = new SqliteJournal(_env.JournalPath);
        Assert.Equal(JobStates.Running, journal.GetJob(running.Id)!.Status);
        Assert.Null(journal.GetSnapshotSet(running.SetId)!.GoneAt);
        Assert.Contains(new PersistentSnapshotStore(_stateFile).Load().Snapshots, s => s.SnapshotSetId == running.SetId);
    }

    private void AssertSucceededWithItsSnapshotKept((string Id, Guid SetId) running)
    {
        using var journal = new SqliteJournal(_env.JournalPath);
        Assert.Equal(JobStates.Succeeded, journal.GetJob(running.Id)!.Status);
        Assert.Null(journal.GetSnapshotSet(running.SetId)!.GoneAt);
        Assert.Contains(new PersistentSnapshotStore(_stateFile).Load().Snapshots, s => s.SnapshotSetId == running.SetId);
    }

    private async Task FinishAsync(System.Diagnostics.Process owner)
    {
        File.WriteAllText(_go, "");
        await owner.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        owner.WaitForExit(); // drains the redirected streams
    }

    private static HttpClient Client(Uri baseAddress)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }
}
