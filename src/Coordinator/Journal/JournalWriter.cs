using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;

namespace Coordinator.Journal;

/// <summary>How a write reaches the disk.</summary>
internal enum Durability
{
    /// <summary>Committed with synchronous = FULL before the caller goes on: the WAL is fsynced.</summary>
    Durable,

    /// <summary>Committed before the caller goes on, without an fsync of its own: the next durable commit carries it.</summary>
    Committed,
}

/// <summary>
/// Every write of one journal, on one long-lived connection and one thread, committed in groups. Writers queue their
/// work; the thread takes whatever is queued and commits it in one transaction, fsynced (synchronous = FULL) when any of
/// it is durable, else not (synchronous = NORMAL: WAL order keeps the file consistent). Posted work (progress events)
/// waits up to the flush interval to share a commit; anything a caller waits for is committed at once and carries
/// the posted work queued before it, so a job's events are committed no later than its final state.
/// </summary>
internal sealed class JournalWriter : IDisposable
{
    /// <summary>A thread left idle this long ends; the next write starts another.</summary>
    private static readonly TimeSpan IdleExit = TimeSpan.FromSeconds(5);

    /// <summary>Posted work that commits at once when this much has gathered, whatever the interval.</summary>
    private const int MaxBatch = 512;

    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(1);

    private readonly SqliteConnection _connection;
    private readonly TimeSpan _flushInterval;
    private readonly Action<IReadOnlyCollection<string>> _committed;
    private readonly Action<Exception, string> _report;
    private readonly object _gate = new();
    private readonly List<Operation> _queue = [];
    private int _waiting;
    private int _posted;
    private long _oldestPostedAt;
    private Thread? _thread;
    private bool _stopping;
    private bool? _fullSync;

    /// <param name="connection">Open; owned (closed) by the writer from now on.</param>
    /// <param name="committed">Called on the writer thread after each commit with the jobs it touched.</param>
    /// <param name="report">Told of failures no caller is left to hear: posted work that failed to commit, a throwing <paramref name="committed"/>.</param>
    public JournalWriter(SqliteConnection connection, TimeSpan flushInterval, Action<IReadOnlyCollection<string>> committed, Action<Exception, string> report)
    {
        _connection = connection;
        _flushInterval = flushInterval;
        _committed = committed;
        _report = report;
    }

    /// <summary>Runs <paramref name="work"/> in the next commit and returns its result once committed.</summary>
    /// <param name="jobId">The job the work changes (its watchers are told after the commit), if any.</param>
    public T Run<T>(Func<SqliteConnection, T> work, Durability durability, string? jobId)
    {
        if (Thread.CurrentThread == Volatile.Read(ref _thread))
        {
            // A watcher of Changed writing back would wait for the very thread it runs on.
            throw new InvalidOperationException("a journal write cannot wait on the journal's writer thread (from a Changed handler)");
        }
        var operation = new Operation(c => work(c), durability == Durability.Durable, jobId, new ManualResetEventSlim());
        Enqueue(operation);
        // Not disposed: the writer may still be inside Set, and without a wait handle there is nothing to free.
        operation.Done!.Wait();
        if (operation.Error is { } error)
        {
            ExceptionDispatchInfo.Throw(error);
        }
        return (T)operation.Result!;
    }

    /// <summary>Queues <paramref name="work"/> for a later commit (within the flush interval) and returns at once.</summary>
    public void Post(Action<SqliteConnection> work, string? jobId) =>
        Enqueue(new Operation(c =>
        {
            work(c);
            return null;
        }, false, jobId, null));

    /// <summary>Commits everything queued so far.</summary>
    public void Flush() => Run(_ => 0, Durability.Committed, null);

    private void Enqueue(Operation operation)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            if (operation.Done is not null)
            {
                _waiting++;
            }
            else if (_posted++ == 0)
            {
                _oldestPostedAt = Stopwatch.GetTimestamp();
            }
            _queue.Add(operation);
            if (_thread is null)
            {
                _thread = new Thread(WriteLoop) { IsBackground = true, Name = "journal writer" };
                _thread.Start();
            }
            Monitor.Pulse(_gate);
        }
    }

    private void WriteLoop()
    {
        while (TakeBatch() is { } batch)
        {
            Commit(batch);
        }
    }

    /// <summary>The next batch to commit, or null when the thread should end (idle, or stopping with nothing left).</summary>
    private List<Operation>? TakeBatch()
    {
        lock (_gate)
        {
            while (true)
            {
                if (_queue.Count == 0)
                {
                    if (_stopping || !Monitor.Wait(_gate, IdleExit) && _queue.Count == 0)
                    {
                        _thread = null;
                        return null;
                    }
                    continue;
                }
                if (_stopping || _waiting > 0 || _queue.Count >= MaxBatch)
                {
                    break;
                }
                // Only posted work: let more gather until the oldest has waited the flush interval.
                var due = _flushInterval - Stopwatch.GetElapsedTime(_oldestPostedAt);
                if (due <= TimeSpan.Zero)
                {
                    break;
                }
                // At most a minute at a time: Monitor.Wait refuses more than about 24 days, and the loop looks again anyway.
                Monitor.Wait(_gate, due < MaxWait ? due : MaxWait);
            }
            var batch = new List<Operation>(_queue);
            _queue.Clear();
            _waiting = 0;
            _posted = 0;
            return batch;
        }
    }

    private void Commit(List<Operation> batch)
    {
        var touched = new HashSet<string>();
        try
        {
            SetSynchronous(batch.Exists(o => o.Durable));
            Execute("BEGIN IMMEDIATE;");
            try
            {
                foreach (var operation in batch)
                {
                    // A savepoint each, so one failing write (a constraint, a bug) fails alone and the rest commit.
                    Execute("SAVEPOINT op;");
                    try
                    {
                        operation.Result = operation.Work(_connection);
                        Execute("RELEASE op;");
                        if (operation.JobId is { } jobId)
                        {
                            touched.Add(jobId);
                        }
                    }
                    catch (Exception ex)
                    {
                        Execute("ROLLBACK TO op; RELEASE op;");
                        operation.Error = ex;
                    }
                }
                Execute("COMMIT;");
            }
            catch
            {
                RollBackQuietly();
                throw;
            }
        }
        catch (Exception ex)
        {
            // The transaction as a whole failed (busy past the timeout, disk full, I/O error): nothing of it is committed.
            foreach (var operation in batch)
            {
                operation.Error ??= ex;
            }
            touched.Clear();
        }
        var lost = batch.Where(o => o.Done is null && o.Error is not null).ToList();
        if (lost.Count > 0)
        {
            _report(lost[0].Error!, $"{lost.Count} progress event(s) could not be journaled");
        }
        if (touched.Count > 0)
        {
            try
            {
                _committed(touched);
            }
            catch (Exception ex)
            {
                // A watcher's bug must not end the writer thread (and with it every write of the process).
                _report(ex, "a journal watcher (Changed) failed");
            }
        }
        foreach (var operation in batch)
        {
            operation.Done?.Set();
        }
    }

    private void SetSynchronous(bool full)
    {
        if (_fullSync != full)
        {
            Execute(full ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;");
            _fullSync = full;
        }
    }

    private void RollBackQuietly()
    {
        try
        {
            Execute("ROLLBACK;");
        }
        catch (SqliteException)
        {
            // SQLite already rolled back (some I/O errors do): nothing is left to undo.
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Commits what is queued, ends the thread and closes the connection.</summary>
    public void Dispose()
    {
        Thread? thread;
        lock (_gate)
        {
            if (_stopping)
            {
                return;
            }
            _stopping = true;
            thread = _thread;
            Monitor.Pulse(_gate);
        }
        thread?.Join();
        _connection.Dispose();
    }

    private sealed class Operation(Func<SqliteConnection, object?> work, bool durable, string? jobId, ManualResetEventSlim? done)
    {
        public Func<SqliteConnection, object?> Work { get; } = work;

        public bool Durable { get; } = durable;

        public string? JobId { get; } = jobId;

        /// <summary>Null for posted work: nobody waits for it.</summary>
        public ManualResetEventSlim? Done { get; } = done;

        public object? Result { get; set; }

        public Exception? Error { get; set; }
    }
}
