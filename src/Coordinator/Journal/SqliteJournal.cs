using System.Globalization;
using Coordinator.Actors.Jobs;
using Microsoft.Data.Sqlite;

namespace Coordinator.Journal;

/// <summary>
/// The job journal in one SQLite file: jobs (request, status, result), their progress events, and every snapshot set
/// with its snapshot ids. It implements <see cref="ISnapshotJournal"/>, so the actors record a set before
/// DoSnapshotSet and mark it when it is gone; after a crash, recovery deletes what is still marked alive.
/// Thread-safe: each call opens its own connection; writes are serialised in-process and SQLite's busy timeout
/// covers other processes (a CLI run beside a server).
/// </summary>
public sealed class SqliteJournal : ISnapshotJournal
{
    private readonly string _connectionString;
    private readonly Lock _writeLock = new();
    private readonly TimeProvider _time;

    /// <summary>Opens (creating if need be) the journal at <paramref name="path"/>.</summary>
    /// <exception cref="Core.CoordinatorException">The file cannot be opened or written: an environment problem naming the file.</exception>
    public static SqliteJournal Open(string path)
    {
        try
        {
            JournalIntegrity.Verify(path);
            var journal = new SqliteJournal(path);
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

    public SqliteJournal(string path, TimeProvider? time = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        _time = time ?? TimeProvider.System;
        Health = new JournalHealth(Path, _time);
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // No pooling: a closed journal leaves no open file handle behind (tests delete their temp dirs,
            // users move the file), and opening a local file is cheap next to a VSS call.
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = Open();
        JournalSchema.Migrate(connection);
    }

    /// <summary>The journal file, absolute.</summary>
    public string Path { get; }

    /// <summary>The first damage a statement ran into since the journal was opened: /healthz reports it.</summary>
    public JournalHealth Health { get; }

    /// <summary>Raised after an event is appended or a job changes state (the server's SSE streams wait on it).</summary>
    public event Action<string>? Changed;

    // ---- jobs -------------------------------------------------------------------------------------------------

    public void CreateJob(string id, string origin, string requestJson)
    {
        // Owned from submission: another server starting on this journal leaves a live process's queued jobs to it.
        var owner = ProcessOwner.Current;
        Write("""
            INSERT INTO jobs (id, origin, request, status, created_at, owner_pid, owner_started, owner_lock)
            VALUES ($id, $origin, $request, $status, $now, $pid, $pstart, $lock);
            """,
            ("$id", id), ("$origin", origin), ("$request", requestJson), ("$status", JobStates.Queued), ("$now", Now()),
            ("$pid", owner.ProcessId), ("$pstart", owner.StartedAt), ("$lock", JournalOwnership.CurrentOwner(Path)));
        Changed?.Invoke(id);
    }

    /// <summary>Moves a queued job to running; false when it is no longer queued (cancelled while waiting).</summary>
    public bool TryMarkRunning(string id)
    {
        var owner = ProcessOwner.Current;
        var changed = Write(
            "UPDATE jobs SET status = $running, started_at = $now, owner_pid = $pid, owner_started = $pstart, owner_lock = $lock WHERE id = $id AND status = $queued;",
            ("$id", id), ("$running", JobStates.Running), ("$queued", JobStates.Queued), ("$now", Now()),
            ("$pid", owner.ProcessId), ("$pstart", owner.StartedAt), ("$lock", JournalOwnership.CurrentOwner(Path)));
        Changed?.Invoke(id);
        return changed == 1;
    }

    /// <summary>Sets the final status and result document; a job already finished keeps its first result.</summary>
    public bool CompleteJob(string id, string status, string resultJson)
    {
        if (!JobStates.IsTerminal(status))
        {
            throw new ArgumentException($"'{status}' is not a final job state", nameof(status));
        }
        var changed = Write(
            "UPDATE jobs SET status = $status, result = $result, finished_at = $now WHERE id = $id AND status IN ($queued, $running);",
            ("$id", id), ("$status", status), ("$result", resultJson), ("$now", Now()),
            ("$queued", JobStates.Queued), ("$running", JobStates.Running));
        Changed?.Invoke(id);
        return changed == 1;
    }

    /// <summary>Finishes a job that has not started; false when it is no longer queued (a worker took it).</summary>
    public bool TryCancelQueued(string id, string resultJson)
    {
        var changed = Write(
            "UPDATE jobs SET status = $cancelled, result = $result, finished_at = $now WHERE id = $id AND status = $queued;",
            ("$id", id), ("$cancelled", JobStates.Cancelled), ("$result", resultJson), ("$now", Now()), ("$queued", JobStates.Queued));
        Changed?.Invoke(id);
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

    public long AppendEvent(string jobId, string json)
    {
        long seq;
        lock (_writeLock)
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO job_events (job_id, seq, at, event)
                VALUES ($id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM job_events WHERE job_id = $id), $now, $event)
                RETURNING seq;
                """;
            command.Parameters.AddWithValue("$id", jobId);
            command.Parameters.AddWithValue("$now", Now());
            command.Parameters.AddWithValue("$event", json);
            try
            {
                seq = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            catch (SqliteException ex) when (Health.Notice(ex))
            {
                throw;
            }
        }
        Changed?.Invoke(jobId);
        return seq;
    }

    public IReadOnlyList<JobEventRecord> GetEvents(string jobId, long afterSequence = 0) =>
        Query("SELECT job_id, seq, at, event FROM job_events WHERE job_id = $id AND seq > $after ORDER BY seq;",
            r => new JobEventRecord(r.GetString(0), r.GetInt64(1), ParseTime(r.GetString(2)), r.GetString(3)),
            ("$id", jobId), ("$after", afterSequence));

    // ---- snapshot sets (ISnapshotJournal) ---------------------------------------------------------------------

    public void RecordSnapshotSet(string jobId, Guid snapshotSetId, IReadOnlyList<(string Volume, Guid SnapshotId)> snapshots, bool persistent)
    {
        try
        {
            RecordSnapshotSetOnce(jobId, snapshotSetId, snapshots, persistent);
        }
        catch (SqliteException ex) when (Health.Notice(ex))
        {
            throw;
        }
    }

    private void RecordSnapshotSetOnce(string jobId, Guid snapshotSetId, IReadOnlyList<(string Volume, Guid SnapshotId)> snapshots, bool persistent)
    {
        lock (_writeLock)
        {
            using var connection = Open();
            using var tx = connection.BeginTransaction();
            Execute(connection, tx,
                """
                INSERT INTO snapshot_sets (set_id, job_id, persistent, recorded_at) VALUES ($set, $job, $persistent, $now)
                ON CONFLICT(set_id) DO UPDATE SET persistent = excluded.persistent;
                """,
                ("$set", Key(snapshotSetId)), ("$job", jobId), ("$persistent", persistent ? 1 : 0), ("$now", Now()));
            foreach (var (volume, snapshotId) in snapshots)
            {
                Execute(connection, tx,
                    "INSERT OR REPLACE INTO snapshots (snapshot_id, set_id, volume) VALUES ($id, $set, $volume);",
                    ("$id", Key(snapshotId)), ("$set", Key(snapshotSetId)), ("$volume", volume));
            }
            // Commit before returning: the caller starts DoSnapshotSet right after, and a crash then must find the set.
            tx.Commit();
        }
    }

    public void MarkSnapshotSetGone(Guid snapshotSetId, string how) =>
        Write("UPDATE snapshot_sets SET gone_at = $now, gone_how = $how WHERE set_id = $set AND gone_at IS NULL;",
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
        var set = FindSetOfSnapshot(snapshotId);
        Write("DELETE FROM snapshots WHERE snapshot_id = $id;", ("$id", Key(snapshotId)));
        if (set is not null && set.Snapshots.All(s => s.SnapshotId == snapshotId))
        {
            MarkSnapshotSetGone(set.SetId, how);
        }
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

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private int Write(string sql, params (string Name, object Value)[] parameters)
    {
        lock (_writeLock)
        {
            using var connection = Open();
            try
            {
                return Execute(connection, null, sql, parameters);
            }
            catch (SqliteException ex) when (Health.Notice(ex))
            {
                throw;
            }
        }
    }

    private static int Execute(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command.ExecuteNonQuery();
    }

    private IReadOnlyList<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        try
        {
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(read(reader));
            }
            return rows;
        }
        catch (SqliteException ex) when (Health.Notice(ex))
        {
            throw;
        }
    }
}
