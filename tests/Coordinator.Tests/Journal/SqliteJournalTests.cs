using Coordinator.Journal;
using Coordinator.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Coordinator.Tests.Journal;

public sealed class SqliteJournalTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public void Creates_the_schema_and_reopening_keeps_everything()
    {
        using var journal = new SqliteJournal(_env.JournalPath);
        journal.CreateJob("j1", "api", "{\"volumes\":[\"C:\\\\\"]}");

        using var reopened = new SqliteJournal(_env.JournalPath);

        Assert.Equal("j1", Assert.Single(reopened.ListJobs()).Id);
        using var connection = new SqliteConnection($"Data Source={_env.JournalPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        Assert.Equal(3L, command.ExecuteScalar());
    }

    [Fact]
    public void Upgrades_a_version_1_journal_in_place()
    {
        using (var connection = new SqliteConnection($"Data Source={_env.JournalPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE jobs (id TEXT PRIMARY KEY, origin TEXT NOT NULL, request TEXT NOT NULL, status TEXT NOT NULL, result TEXT,
                                   created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT);
                CREATE TABLE job_events (job_id TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, event TEXT NOT NULL, PRIMARY KEY (job_id, seq));
                CREATE TABLE snapshot_sets (set_id TEXT PRIMARY KEY, job_id TEXT NOT NULL, persistent INTEGER NOT NULL, recorded_at TEXT NOT NULL,
                                            gone_at TEXT, gone_how TEXT);
                CREATE TABLE snapshots (snapshot_id TEXT PRIMARY KEY, set_id TEXT NOT NULL, volume TEXT NOT NULL);
                INSERT INTO jobs (id, origin, request, status, created_at) VALUES ('old', 'cli', '{}', 'running', '2026-01-01T00:00:00.0000000+00:00');
                PRAGMA user_version = 1;
                """;
            command.ExecuteNonQuery();
        }

        using var journal = new SqliteJournal(_env.JournalPath);

        var old = journal.GetJob("old")!;
        Assert.Equal(JobStates.Running, old.Status);
        Assert.Null(old.Owner);
    }

    [Fact]
    public void Refuses_a_journal_from_a_newer_coordinator_with_a_clear_message()
    {
        using (var connection = new SqliteConnection($"Data Source={_env.JournalPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            command.ExecuteNonQuery();
        }

        var ex = Assert.Throws<InvalidOperationException>(() => new SqliteJournal(_env.JournalPath));
        Assert.Contains("newer coordinator", ex.Message);
    }

    [Fact]
    public void A_job_goes_queued_running_final_and_keeps_its_first_result()
    {
        using var journal = new SqliteJournal(_env.JournalPath);
        journal.CreateJob("j1", "cli", "{}");
        Assert.Equal(JobStates.Queued, journal.GetJob("j1")!.Status);

        Assert.True(journal.TryMarkRunning("j1"));
        Assert.False(journal.TryMarkRunning("j1"));
        Assert.NotNull(journal.GetJob("j1")!.StartedAt);

        Assert.True(journal.CompleteJob("j1", JobStates.Succeeded, "{\"status\":\"succeeded\"}"));
        Assert.False(journal.CompleteJob("j1", JobStates.Failed, "{}"));
        var record = journal.GetJob("j1")!;
        Assert.Equal(JobStates.Succeeded, record.Status);
        Assert.Equal("{\"status\":\"succeeded\"}", record.ResultJson);
        Assert.NotNull(record.FinishedAt);
        Assert.Empty(journal.JobsWithStatus(JobStates.Running));
    }

    [Fact]
    public void Events_are_numbered_per_job_and_read_after_a_sequence()
    {
        using var journal = new SqliteJournal(_env.JournalPath);
        journal.CreateJob("a", "api", "{}");
        journal.CreateJob("b", "api", "{}");

        journal.AppendEvent("a", "{\"n\":1}");
        journal.AppendEvent("a", "{\"n\":2}");
        journal.AppendEvent("b", "{\"n\":1}");
        journal.Flush();

        Assert.Equal([1L], journal.GetEvents("b").Select(e => e.Sequence));
        Assert.Equal(["{\"n\":2}"], journal.GetEvents("a", afterSequence: 1).Select(e => e.Json));
        Assert.Equal(2, journal.GetEvents("a").Count);
    }

    [Fact]
    public void Snapshot_sets_are_recorded_with_their_snapshots_and_marked_gone()
    {
        using var journal = new SqliteJournal(_env.JournalPath);
        var set = Guid.NewGuid();
        var c = Guid.NewGuid();
        var d = Guid.NewGuid();
        journal.RecordSnapshotSet("j1", set, [("C:\\", c), ("D:\\", d)], persistent: true);

        var live = Assert.Single(journal.LiveSnapshotSets());
        Assert.Equal(set, live.SetId);
        Assert.True(live.Persistent);
        Assert.Equal([c, d], live.Snapshots.Select(s => s.SnapshotId));
        Assert.Equal(set, journal.FindSetOfSnapshot(d)!.SetId);

        journal.MarkSnapshotGone(c, "deleted");
        Assert.Single(journal.LiveSnapshotSets()); // d is still there
        journal.MarkSnapshotGone(d, "deleted");
        Assert.Empty(journal.LiveSnapshotSets());
        Assert.Equal("deleted", journal.GetSnapshotSet(set)!.GoneHow);
    }

    [Fact]
    public async Task Concurrent_writers_do_not_lose_events()
    {
        using var journal = new SqliteJournal(_env.JournalPath);
        journal.CreateJob("j", "api", "{}");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 25; i++)
            {
                journal.AppendEvent("j", "{}");
            }
        })));
        journal.Flush();

        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), journal.GetEvents("j").Select(e => e.Sequence));
    }
}
