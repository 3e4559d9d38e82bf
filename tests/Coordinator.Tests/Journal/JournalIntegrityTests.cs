using System.Net;
using System.Text.Json;
using Coordinator.Journal;
using Coordinator.Tests.EndToEnd;
using Coordinator.Tests.Server;
using Coordinator.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Coordinator.Tests.Journal;

/// <summary>
/// A damaged journal file stops the coordinator with exit 3 and one line (what file, what is wrong, what to do), and a
/// server that finds its journal damaged while serving says so on /healthz.
/// </summary>
public sealed class JournalIntegrityTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public async Task Backup_refuses_a_journal_with_a_corrupted_page_with_exit_3_and_one_line_naming_the_file()
    {
        JournalWithJobs(200);
        CorruptATablePageInTheMiddle(_env.JournalPath);

        var run = await _env.RunAsync(["backup", "C:\\"]);

        Assert.Equal(3, run.ExitCode);
        AssertOneLineNamingTheJournal(run.Stderr);
        Assert.DoesNotContain("Backup job", run.Stdout);
        Assert.Empty(await _env.SnapshotsAsync());
    }

    [Fact]
    public async Task Backup_refuses_a_journal_that_is_not_a_database()
    {
        JournalWithJobs(5);
        Overwrite(_env.JournalPath, 0, 100); // the header

        var run = await _env.RunAsync(["backup", "C:\\"]);

        Assert.Equal(3, run.ExitCode);
        AssertOneLineNamingTheJournal(run.Stderr);
    }

    [Fact]
    public async Task Serve_refuses_to_start_on_a_journal_with_a_corrupted_page()
    {
        JournalWithJobs(200);
        CorruptATablePageInTheMiddle(_env.JournalPath);

        var run = await _env.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--insecure-no-auth"]).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, run.ExitCode);
        AssertOneLineNamingTheJournal(run.Stderr);
        Assert.DoesNotContain("listening on", run.Stdout);
    }

    [Fact]
    public async Task The_built_coordinator_refuses_a_corrupted_journal_without_a_stack_trace()
    {
        JournalWithJobs(200);
        CorruptATablePageInTheMiddle(_env.JournalPath);

        var run = await ChildCoordinator.RunAsync("backup", "C:\\", "--journal", _env.JournalPath, "--provider", "simulated");

        Assert.Equal(3, run.ExitCode);
        AssertOneLineNamingTheJournal(run.Stderr);
    }

    [Fact]
    public async Task A_request_that_finds_the_journal_damaged_and_healthz_from_then_on_answer_503_naming_the_journal()
    {
        JournalWithJobs(200);
        await using var server = await ServerRun.StartAsync(_env);
        Assert.Equal(HttpStatusCode.OK, (await server.Anonymous.GetAsync("healthz")).StatusCode);

        CorruptATablePageInTheMiddle(_env.JournalPath);
        await AssertJournalDamageProblemAsync(await server.Client.GetAsync("api/jobs"));

        await AssertJournalDamageProblemAsync(await server.Anonymous.GetAsync("healthz"));
    }

    private async Task AssertJournalDamageProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(_env.JournalPath, problem.GetProperty("journal").GetString());
        Assert.Contains("damaged", problem.GetProperty("detail").GetString());
        Assert.Contains("restore it from a copy", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public void An_intact_journal_passes_the_check_at_open()
    {
        JournalWithJobs(200);

        using var journal = SqliteJournal.Open(_env.JournalPath);

        Assert.Equal(100, journal.ListJobs().Count);
        Assert.Null(journal.Health.Damage);
    }

    private void AssertOneLineNamingTheJournal(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains($"'{_env.JournalPath}' is damaged", line);
        Assert.Contains("restore it from a copy, or move it aside", line);
        Assert.DoesNotContain("   at ", stderr);
    }

    /// <summary>Jobs with requests of about 1 KB each: most pages of the file are then leaves of the jobs table.</summary>
    private void JournalWithJobs(int count)
    {
        // Closed afterwards, as a command leaves it: the last close moves the WAL into the file the tests damage.
        using var journal = new SqliteJournal(_env.JournalPath);
        var padding = new string('x', 1000);
        for (var i = 0; i < count; i++)
        {
            journal.CreateJob($"job-{i:D4}", "api", JsonSerializer.Serialize(new { volumes = new[] { "C:\\" }, note = padding }));
        }
    }

    /// <summary>Writes garbage over the table leaf page nearest the middle of the file, after moving the WAL into it.</summary>
    private static void CorruptATablePageInTheMiddle(string path)
    {
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }
        var bytes = File.ReadAllBytes(path);
        var pageSize = (bytes[16] << 8) | bytes[17];
        var pages = bytes.Length / pageSize;
        const byte TableLeaf = 0x0D;
        var page = Enumerable.Range(2, pages - 1)
            .Where(p => bytes[(p - 1) * pageSize] == TableLeaf)
            .OrderBy(p => Math.Abs(p - (pages / 2)))
            .First();
        Overwrite(path, (page - 1) * pageSize, pageSize);
    }

    private static void Overwrite(string path, long offset, int length)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        file.Position = offset;
        file.Write(Enumerable.Repeat((byte)0xEE, length).ToArray());
    }
}
