using System.Collections.Concurrent;

namespace Coordinator.Journal;

/// <summary>
/// Which process owns a queued or running job, decided by the operating system rather than by comparing process ids and start
/// times (a process's start time as .NET reports it differs by fractions of a millisecond from one observing process to
/// the next, so a live owner looked dead to every other process). Each process that runs jobs on a journal holds an
/// exclusive lock on a file of its own in <c>&lt;journal&gt;.owners/</c> for its whole life, and journals that file's
/// name as the owner of its jobs. An owner is alive exactly while its lock cannot be taken: the OS releases it when the
/// process ends, however it ends (SIGKILL included), so a crashed owner's jobs are recovered and a live one's never are.
/// </summary>
public static class JournalOwnership
{
    private const string LockSuffix = ".lock";

    // One lock per owners directory for the life of the process (never released before exit: the jobs it names may
    // outlive any one SqliteJournal instance).
    private static readonly ConcurrentDictionary<string, Lazy<FileStream>> Held = new(StringComparer.Ordinal);

    /// <summary>The directory of owner lock files beside <paramref name="journalPath"/>.</summary>
    public static string OwnersDirectory(string journalPath) => Path.GetFullPath(journalPath) + ".owners";

    /// <summary>
    /// This process's owner name for the journal at <paramref name="journalPath"/>, taking its lock on first use.
    /// </summary>
    /// <exception cref="Core.CoordinatorException">The lock file cannot be created or locking does not work there.</exception>
    public static string CurrentOwner(string journalPath)
    {
        var directory = OwnersDirectory(journalPath);
        var held = Held.GetOrAdd(directory, d => new Lazy<FileStream>(() => Acquire(d, journalPath))).Value;
        return Path.GetFileName(held.Name);
    }

    /// <summary>
    /// True while the process that journaled <paramref name="owner"/> is running. This process's own name counts as not
    /// alive: recovery and the server's re-queueing run before this process journals a job of its own, so a job under
    /// its name is one a caller in this process deliberately left behind (a test standing in for a crash or a restart).
    /// </summary>
    public static bool IsAlive(string journalPath, string owner)
    {
        var directory = OwnersDirectory(journalPath);
        if (Held.TryGetValue(directory, out var mine) && mine.IsValueCreated && Path.GetFileName(mine.Value.Name) == owner)
        {
            return false;
        }
        if (owner.Length == 0 || owner != Path.GetFileName(owner) || !owner.EndsWith(LockSuffix, StringComparison.Ordinal))
        {
            return false; // not a name this class wrote: nobody can hold it
        }
        return !TryRemoveDead(Path.Combine(directory, owner));
    }

    /// <summary>Deletes the lock files of owners that have ended (left behind when a process is killed).</summary>
    public static void RemoveDeadOwners(string journalPath)
    {
        var directory = OwnersDirectory(journalPath);
        if (!Directory.Exists(directory))
        {
            return;
        }
        Held.TryGetValue(directory, out var mine);
        foreach (var file in Directory.EnumerateFiles(directory, "*" + LockSuffix))
        {
            if (mine is { IsValueCreated: true } && mine.Value.Name == file)
            {
                continue;
            }
            TryRemoveDead(file);
        }
    }

    /// <summary>
    /// Takes the lock of <paramref name="file"/> and deletes it; true when the file's owner has ended (or the file is
    /// gone), false while its owner holds the lock.
    /// </summary>
    private static bool TryRemoveDead(string file)
    {
        try
        {
            // Deleted on close while still locked, so no one can take a lock on a name that is about to disappear.
            using var probe = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            return true;
        }
        catch (FileNotFoundException)
        {
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            // Another user's process: it cannot be probed, so it is assumed alive; its jobs are not ours to fail.
            return false;
        }
        catch (IOException)
        {
            return false; // the lock is held: the owner is alive
        }
    }

    private static FileStream Acquire(string directory, string journalPath)
    {
        try
        {
            Directory.CreateDirectory(directory);
            for (var attempt = 1; ; attempt++)
            {
                var path = Path.Combine(directory, $"{Environment.ProcessId}-{Guid.NewGuid():N}{LockSuffix}");
                FileStream held;
                try
                {
                    held = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
                }
                catch (IOException) when (attempt < 3)
                {
                    // On Unix a file is created, then locked: another process sweeping dead owners may lock (and delete)
                    // it in between. A fresh name settles it.
                    continue;
                }
                // The same race the other way round: swept before this process locked it. The name must exist while
                // locked, or others would take this process for dead.
                if (!File.Exists(path))
                {
                    held.Dispose();
                    continue;
                }
                VerifyLocking(path, held, journalPath);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => held.Dispose();
                return held;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Core.CoordinatorException.Environment(
                $"cannot create the owner lock file in '{directory}' ({ex.Message}): the journal's directory must be writable", "journal", ex);
        }
    }

    /// <summary>
    /// Locking that does not exclude (DOTNET_SYSTEM_IO_DISABLEFILELOCKING, a file system without locks) would make every
    /// owner look dead: refuse to run jobs rather than let another process fail them.
    /// </summary>
    private static void VerifyLocking(string path, FileStream held, string journalPath)
    {
        try
        {
            using var second = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return; // excluded, as it must be
        }
        held.Dispose();
        throw Core.CoordinatorException.Environment(
            $"'{Path.GetFullPath(journalPath)}': file locks do not exclude other processes there (is DOTNET_SYSTEM_IO_DISABLEFILELOCKING set, or is it a file system without locks?); " +
            "processes sharing the journal could not tell a live job from a crashed one: put the journal on a local disk", "journal");
    }
}
