using System.Globalization;
using Coordinator.Actors.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordinator.Journal;

/// <summary>
/// The job journal in one SQLite file: jobs (request, status, result), their progress events, and every snapshot set
/// with its snapshot ids. It implements <see cref="ISnapshotJournal"/>, so the actors record a set before
/// DoSnapshotSet and mark it when it is gone; after a crash, recovery deletes what is still marked alive.
/// Thread-safe. Writes go through one long-lived connection and are committed in groups (<see cref="JournalWriter"/>):
/// a job's acceptance, its snapshot sets and its final state are fsynced before the call returns; progress events are
/// batched and committed within the flush interval, or earlier with the next write anyone waits for, so they are never
/// committed after their job's final state. Reads use pooled connections. SQLite's busy timeout covers other processes
/// (a CLI run beside a server). Dispose it: it holds the file open until then.
/// </summary>
public sealed class SqliteJournal : ISnapshotJournal, IDisposable
{
    /// <summary>How long progress events may wait in memory to share a commit (coordinator.journal-flush-interval).</summary>
    public static readonly TimeSpan DefaultFlushInterval = TimeSpan.FromMilliseconds(10);

    private readonly string _readConnectionString;
    private readonly JournalWriter _writer;
    private readonly TimeProvider _time;

    /// <summary>Opens (creating if need be) the journal at <paramref name="path"/>.</summary>
    /// <exception cref="Core.CoordinatorException">The file cannot be opened or written: an environment problem naming the file.</exception>
    public static SqliteJournal Open(string path, TimeSpan? flushInterval = null)
    {
        try
        {
            JournalIntegrity.Verify(path);
            var journal = new SqliteJournal(path, flushInterval: flushInterval);
            // The owner lock is taken at open, so a directory where it cannot work stops the command before any job.
            JournalOwnership.CurrentOwner(journal.Path);
            return journal;
        }
        catch (SqliteException ex) when (JournalIntegrity.IsDamage(ex))
        {
            throw JournalIntegrity.Damaged(path, ex.Message, ex);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw Core.CoordinatorException.Environment($"'{path}': {ex.Message}: choose another file", "journal", ex);
        }
    }

    /// <param name="flushInterval">How long progress events may wait to share a commit; default <see cref="DefaultFlushInterval"/>.</param>
    public SqliteJournal(string path, TimeProvider? time = null, TimeSpan? flushInterval = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        _time = time ?? TimeProvider.System;
        Health = new JournalHealth(Path, _time);
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // The writer's connection is this journal's own for its whole life, never pooled: Dispose closes it.
            Pooling = false,
            DefaultTimeout = 30,
        };
        var writeConnection = new SqliteConnection(builder.ToString());
        try
        {
            writeConnection.Open();
            JournalSchema.Migrate(writeConnection);
        }
        catch
        {
            writeConnection.Dispose();
            throw;
        }
        // Readers (GET, SSE, recovery) reuse pooled connections instead of opening the file per query; Dispose clears them.
        builder.Pooling = true;
        _readConnectionString = builder.ToString();
        _writer = new JournalWriter(writeConnection, flushInterval ?? DefaultFlushInterval, RaiseChanged,
            (ex, what) =>
            {
                if (ex is SqliteException sqlite)
                {
                    Health.Notice(sqlite);
                }
                Logger.LogWarning(ex, "journal {Path}: {What}", Path, what);
            });
    }

    /// <summary>The journal file, absolute.</summary>
    public string Path { get; }

    /// <summary>The first damage a statement ran into since the journal was opened: /healthz reports it.</summary>
    public JournalHealth Health { get; }

    /// <summary>
    /// Raised after events are committed or a job changes state (the server's SSE streams wait on it), on the journal's
    /// writer thread: a handler must not block, and must not write to the journal.
    /// </summary>
    public event Action<string>? Changed;

    /// <summary>Where writes that nobody waits for (progress events) report a failure to commit.</summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    // ---- jobs -------------------------------------------------------------------------------------------------

    /// <summary>
    /// Records a queued job, durably: a job accepted (HTTP 202) is never lost. Owned from submission: another server
    /// starting on this journal leaves a live process's queued jobs to it.
    /// </summary>
    public void CreateJob(string id, string origin, string requestJson)
    {
        var owner = ProcessOwner.Current;
        Write(Durability.Durable, id, """
            INSERT INTO jobs (id, origin, request, status, created_at, owner_pid, owner_started, owner_lock)
            VALUES ($id, $origin, $request, $status, $now, $pid, $pstart, $lock);
            """,
            ("$id", id), ("$origin", origin), ("$request", requestJson), ("$status", JobStates.Queued), ("$now", Now()),
            ("$pid", owner.ProcessId), ("$pstart", owner.StartedAt), ("$lock", JournalOwnership.CurrentOwner(Path)));
    }

    /// <summary>Moves a queued job to running; false when it is no longer queued (cancelled while waiting).</summary>
    /// <remarks>Not fsynced on its own: the job's snapshot-set record, which is, carries it to disk.</remarks>
    public bool TryMarkRunning(string id)
    {
        var owner = ProcessOwner.Current;
        var changed = Write(Durability.Committed, id,
            "UPDATE jobs SET status = $running, started_at = $now, owner_pid = $pid, owner_started = $pstart, owner_lock = $lock WHERE id = $id AND status = $queued;",
            ("$id", id), ("$running", JobStates.Running), ("$queued", JobStates.Queued), ("$now", Now()),
            ("$pid", owner.ProcessId), ("$pstart", owner.StartedAt), ("$lock", JournalOwnership.CurrentOwner(Path)));
        return changed == 1;
    }

    /// <summary>
    /// Sets the final status and result document, durably, with every event of the job appended before; a job already
    /// finished keeps its first result.
    /// </summary>
    public bool CompleteJob(string id, string status, string resultJson)
    {
        if (!JobStates.IsTerminal(status))
        {
            throw new ArgumentException($"'{status}' is not a final job state", nameof(status));
        }
        var changed = Write(Durability.Durable, id,
            "UPDATE jobs SET status = $status, result = $result, finished_at = $now WHERE id = $id AND status IN ($queued, $running);",
            ("$id", id), ("$status", status), ("$result", resultJson), ("$now", Now()),
            ("$queued", JobStates.Queued), ("$running", JobStates.Running));
        return changed == 1;
    }

    /// <summary>Finishes a job that has not started; false when it is no longer queued (a worker took it).</summary>
    public bool TryCancelQueued(string id, string resultJson)
    {
        var changed = Write(Durability.Durable, id,
            "UPDATE jobs SET status = $cancelled, result = $result, finished_at = $now WHERE id = $id AND status = $queued;",
            ("$id", id), ("$cancelled", JobStates.Cancelled), ("$result", resultJson), ("$now", Now()), ("$queued", JobStates.Queued));
        return changed == 1;
    }

    public JobRecord? GetJob(string id) =>
        Query("SELECT id, origin, request, status, result, created_at, started_at, finished_at, owner_pid, owner_started, owner_lock FROM jobs WHERE id = $id;",
            ReadJob, ("$id", id)).FirstOrDefault();

    /// <summary>Newest first; with <paramref name="before"/> (a job id), only the jobs submitted before that one (the next page).</summary>
    public IReadOnlyList<JobRecord> ListJobs(int limit = 100, string? before = null) =>
        Query("""
            SELECT id, origin, request, status, result, created_at, started_at, finished_at, owner_pid, owner_started, owner_lock FROM jobs
            WHERE $before IS NULL OR (created_at, rowid) < (SELECT created_at, rowid FROM jobs WHERE id = $before)
            ORDER BY created_at DESC, rowid DESC LIMIT $limit;
            """,
            ReadJob, ("$limit", limit), ("$before", (object?)before ?? DBNull.Value));

    public IReadOnlyList<JobRecord> JobsWithStatus(string status) =>
        Query("SELECT id, origin, request, status, result, created_at, started_at, finished_at, owner_pid, owner_started, owner_lock FROM jobs WHERE status = $status ORDER BY created_at, rowid;",
            ReadJob, ("$status", status));

    // ---- events -----------------------------------------------------------------------------------------------

    /// <summary>
    /// Queues a progress event (numbered 1, 2, … per job) and returns at once. It is committed within the flush
    /// interval, or with the next write anyone waits for (at the latest its job's final state); <see cref="Flush"/>
    /// commits it now. A crash may lose it only while its job's final state is not committed either.
    /// </summary>
    public void AppendEvent(string jobId, string json)
    {
        var now = Now();
        _writer.Post(connection => Execute(connection,
            """
            INSERT INTO job_events (job_id, seq, at, event)
            VALUES ($id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM job_events WHERE job_id = $id), $now, $event);
            """,
            ("$id", jobId), ("$now", now), ("$event", json)), jobId);
    }

    /// <summary>Commits every queued write now (events waiting for the flush interval).</summary>
    public void Flush() => _writer.Flush();

    public IReadOnlyList<JobEventRecord> GetEvents(string jobId, long afterSequence = 0) =>
        Query("SELECT job_id, seq, at, event FROM job_events WHERE job_id = $id AND seq > $after ORDER BY seq;",
            r => new JobEventRecord(r.GetString(0), r.GetInt64(1), ParseTime(r.GetString(2)), r.GetString(3)),
            ("$id", jobId), ("$after", afterSequence));

    // ---- snapshot sets (ISnapshotJournal) ---------------------------------------------------------------------

    /// <summary>Records a set and its snapshots, durably: the caller starts DoSnapshotSet right after, and a crash then must find the set.</summary>
    public void RecordSnapshotSet(string jobId, Guid snapshotSetId, IReadOnlyList<(string Volume, Guid SnapshotId)> snapshots, bool persistent)
    {
        var now = Now();
        Noticing(() => _writer.Run(connection =>
        {
            Execute(connection,
                """
                INSERT INTO snapshot_sets (set_id, job_id, persistent, recorded_at) VALUES ($set, $job, $persistent, $now)
                ON CONFLICT(set_id) DO UPDATE SET persistent = excluded.persistent;
                """,
                ("$set", Key(snapshotSetId)), ("$job", jobId), ("$persistent", persistent ? 1 : 0), ("$now", now));
            foreach (var (volume, snapshotId) in snapshots)
            {
                Execute(connection,
                    "INSERT OR REPLACE INTO snapshots (snapshot_id, set_id, volume) VALUES ($id, $set, $volume);",
                    ("$id", Key(snapshotId)), ("$set", Key(snapshotSetId)), ("$volume", volume));
            }
            return 0;
        }, Durability.Durable, null));
    }

    /// <remarks>
    /// Not fsynced on its own (the job's final state, which is, carries it): lost only in a power cut, it leaves a set
    /// marked alive that recovery finds already gone.
    /// </remarks>
    public void MarkSnapshotSetGone(Guid snapshotSetId, string how) =>
        Write(Durability.Committed, null, "UPDATE snapshot_sets SET gone_at = $now, gone_how = $how WHERE set_id = $set AND gone_at IS NULL;",
            ("$set", Key(snapshotSetId)), ("$how", how), ("$now", Now()));

    /// <summary>Sets not marked gone, oldest first.</summary>
    public IReadOnlyList<SnapshotSetRecord> LiveSnapshotSets() =>
        LoadSets("WHERE gone_at IS NULL");

    public SnapshotSetRecord? GetSnapshotSet(Guid setId) =>
        LoadSets("WHERE set_id = $set", ("$set", Key(setId))).FirstOrDefault();

    /// <summary>The set that holds <paramref name="snapshotId"/>, if journaled.</summary>
    public SnapshotSetRecord? FindSetOfSnapshot(Guid snapshotId) =>
        LoadSets("WHERE set_id = (SELECT set_id FROM snapshots WHERE snapshot_id = $id)", ("$id", Key(snapshotId))).FirstOrDefault();

    /// <summary>Forgets one snapshot of a set (deleted on its own); the set is gone when its last snapshot is.</summary>
    public void MarkSnapshotGone(Guid snapshotId, string how)
    {
        var now = Now();
        _writer.Run(connection =>
        {
            Execute(connection,
                """
                UPDATE snapshot_sets SET gone_at = $now, gone_how = $how
                WHERE set_id = (SELECT set_id FROM snapshots WHERE snapshot_id = $id) AND gone_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM snapshots WHERE set_id = snapshot_sets.set_id AND snapshot_id <> $id);
                """,
                ("$id", Key(snapshotId)), ("$how", how), ("$now", now));
            return Execute(connection, "DELETE FROM snapshots WHERE snapshot_id = $id;", ("$id", Key(snapshotId)));
        }, Durability.Durable, null);
    }

    private IReadOnlyList<SnapshotSetRecord> LoadSets(string where, params (string Name, object Value)[] parameters)
    {
        var sets = Query(
            $"SELECT set_id, job_id, persistent, recorded_at, gone_at, gone_how FROM snapshot_sets {where} ORDER BY recorded_at, rowid;",
            r => (SetId: r.GetString(0), JobId: r.GetString(1), Persistent: r.GetInt64(2) != 0, RecordedAt: ParseTime(r.GetString(3)),
                GoneAt: r.IsDBNull(4) ? (DateTimeOffset?)null : ParseTime(r.GetString(4)), GoneHow: r.IsDBNull(5) ? null : r.GetString(5)),
            parameters);
        return sets.Select(s => new SnapshotSetRecord(
                Guid.Parse(s.SetId), s.JobId, s.Persistent, s.RecordedAt, s.GoneAt, s.GoneHow,
                Query("SELECT snapshot_id, volume FROM snapshots WHERE set_id = $set ORDER BY volume;",
                    r => new JournaledSnapshot(Guid.Parse(r.GetString(0)), r.GetString(1)), ("$set", s.SetId))))
            .ToList();
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    private static string Key(Guid id) => id.ToString("D");

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static JobRecord ReadJob(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4),
        ParseTime(r.GetString(5)),
        r.IsDBNull(6) ? null : ParseTime(r.GetString(6)),
        r.IsDBNull(7) ? null : ParseTime(r.GetString(7)),
        r.IsDBNull(8) || r.IsDBNull(9) ? null : new ProcessOwner(r.GetInt32(8), r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10)));

    private SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_readConnectionString);
        connection.Open();
        return connection;
    }

    private int Write(Durability durability, string? jobId, string sql, params (string Name, object Value)[] parameters) =>
        Noticing(() => _writer.Run(connection => Execute(connection, sql, parameters), durability, jobId));

    /// <summary>Runs a statement, recording damage it runs into for /healthz.</summary>
    private T Noticing<T>(Func<T> write)
    {
        try
        {
            return write();
        }
        catch (SqliteException ex) when (Health.Notice(ex))
        {
            throw;
        }
    }

    private void RaiseChanged(IReadOnlyCollection<string> jobIds)
    {
        foreach (var jobId in jobIds)
        {
            Changed?.Invoke(jobId);
        }
    }

    /// <summary>Commits what is queued, then closes the writer's connection and the pooled readers: no file handle is left.</summary>
    public void Dispose()
    {
        _writer.Dispose();
        using var pooled = new SqliteConnection(_readConnectionString);
        SqliteConnection.ClearPool(pooled);
    }

    private static int Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command.ExecuteNonQuery();
    }

    private IReadOnlyList<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object Value)[] parameters) =>
        Noticing<IReadOnlyList<T>>(() =>
        {
            using var connection = OpenReader();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(read(reader));
            }
            return rows;
        });
}
