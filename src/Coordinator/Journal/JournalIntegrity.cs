using Coordinator.Core;
using Microsoft.Data.Sqlite;

namespace Coordinator.Journal;

/// <summary>What is wrong with a damaged journal file, as /healthz reports it.</summary>
public sealed record JournalDamage(string JournalPath, string Problem, DateTimeOffset DetectedAt)
{
    /// <summary>One line: what file, what is wrong, what to do.</summary>
    public string Message => JournalIntegrity.Describe(JournalPath, Problem);
}

/// <summary>
/// Damage to the journal file (a corrupted page, a file that is not a database) found at open or while serving. A damaged
/// journal must stop a command before it runs a job: the journal is what recovery trusts to find orphaned snapshots.
/// </summary>
public static class JournalIntegrity
{
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    /// <summary>True when SQLite says the file is damaged (SQLITE_CORRUPT, SQLITE_NOTADB, and their extended codes).</summary>
    public static bool IsDamage(SqliteException ex) => (ex.SqliteErrorCode & 0xFF) is SqliteCorrupt or SqliteNotADatabase;

    /// <summary>
    /// Reads the whole file with SQLite's quick check (every page and record format; not index contents, which would
    /// take as long as a full integrity check).
    /// </summary>
    /// <exception cref="CoordinatorException">The journal is damaged: an environment problem naming the file and what to do.</exception>
    public static void Verify(string path)
    {
        if (!File.Exists(path))
        {
            return; // a new journal: nothing to check
        }
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 30 }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check(1);";
            if (command.ExecuteScalar() is string result && result != "ok")
            {
                throw Damaged(path, result, null);
            }
        }
        catch (SqliteException ex) when (IsDamage(ex))
        {
            throw Damaged(path, ex.Message, ex);
        }
    }

    public static CoordinatorException Damaged(string path, string problem, Exception? inner) =>
        CoordinatorException.Environment(Describe(path, problem), "journal", inner);

    internal static string Describe(string path, string problem) =>
        $"'{Path.GetFullPath(path)}' is damaged ({OneLine(problem)}): restore it from a copy, or move it aside to start an empty journal " +
        "(the jobs and snapshot sets it recorded are then no longer tracked)";

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');
}

/// <summary>The first damage a journal's statements ran into while it was in use; /healthz reports it.</summary>
public sealed class JournalHealth(string journalPath, TimeProvider time)
{
    private JournalDamage? _damage;

    public JournalDamage? Damage => Volatile.Read(ref _damage);

    /// <summary>Records <paramref name="ex"/> if it reports damage. Always false: meant as an exception filter that only looks.</summary>
    public bool Notice(SqliteException ex)
    {
        if (JournalIntegrity.IsDamage(ex))
        {
            Interlocked.CompareExchange(ref _damage, new JournalDamage(journalPath, ex.Message, time.GetUtcNow()), null);
        }
        return false;
    }
}
