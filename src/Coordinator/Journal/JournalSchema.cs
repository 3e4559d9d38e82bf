using Microsoft.Data.Sqlite;

namespace Coordinator.Journal;

/// <summary>
/// Creates and migrates the journal schema. The version lives in PRAGMA user_version; each migration runs once,
/// in order, inside a transaction, so an old journal file is upgraded in place at start.
/// </summary>
internal static class JournalSchema
{
    private static readonly string[] Migrations =
    [
        // 1: jobs, their events, snapshot sets and their snapshots.
        """
        CREATE TABLE jobs (
            id          TEXT PRIMARY KEY,
            origin      TEXT NOT NULL,
            request     TEXT NOT NULL,
            status      TEXT NOT NULL,
            result      TEXT,
            created_at  TEXT NOT NULL,
            started_at  TEXT,
            finished_at TEXT
        );
        CREATE INDEX jobs_status ON jobs(status);
        CREATE TABLE job_events (
            job_id TEXT NOT NULL REFERENCES jobs(id),
            seq    INTEGER NOT NULL,
            at     TEXT NOT NULL,
            event  TEXT NOT NULL,
            PRIMARY KEY (job_id, seq)
        );
        CREATE TABLE snapshot_sets (
            set_id      TEXT PRIMARY KEY,
            job_id      TEXT NOT NULL,
            persistent  INTEGER NOT NULL,
            recorded_at TEXT NOT NULL,
            gone_at     TEXT,
            gone_how    TEXT
        );
        CREATE TABLE snapshots (
            snapshot_id TEXT PRIMARY KEY,
            set_id      TEXT NOT NULL REFERENCES snapshot_sets(set_id),
            volume      TEXT NOT NULL
        );
        """,
        // 2: which process runs a job, so recovery in one process never fails a job another live process is running
        // (a CLI backup beside a server sharing the journal).
        """
        ALTER TABLE jobs ADD COLUMN owner_pid INTEGER;
        ALTER TABLE jobs ADD COLUMN owner_started TEXT;
        """,
        // 3: the owner's lock file (JournalOwnership): a pid and start time could not tell a live owner from a dead one.
        """
        ALTER TABLE jobs ADD COLUMN owner_lock TEXT;
        """,
    ];

    public static int CurrentVersion => Migrations.Length;

    public static void Migrate(SqliteConnection connection)
    {
        using (var wal = connection.CreateCommand())
        {
            // WAL lets the server's readers (SSE, GET) run while a job writes events.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }
        var version = ReadVersion(connection);
        if (version > Migrations.Length)
        {
            throw new InvalidOperationException(
                $"the journal was written by a newer coordinator (schema {version}, this one knows {Migrations.Length}): upgrade the coordinator or use another --journal file");
        }
        for (var next = version; next < Migrations.Length; next++)
        {
            using var tx = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = Migrations[next] + $"\nPRAGMA user_version = {next + 1};";
            command.ExecuteNonQuery();
            tx.Commit();
        }
    }

    public static int ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar());
    }
}
