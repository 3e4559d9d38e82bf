using System.Diagnostics;

namespace Coordinator.Actors.Tests.Soak;

/// <summary>The process-wide quantities the soak asserts are steady.</summary>
public static class ProcessProbe
{
    /// <summary>
    /// Live session threads of the soak's dispatcher, by OS thread name (.NET names the OS thread after the managed
    /// one, cut to Linux's 15 characters, which the prefix fits in).
    /// </summary>
    public static int SessionThreads => ThreadNames().Count(n => n.StartsWith(SoakLane.ThreadPrefix, StringComparison.Ordinal));

    private static IEnumerable<string> ThreadNames()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("the soak counts session threads through /proc (Linux)");
        }
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            string name;
            try
            {
                name = File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n');
            }
            catch (IOException)
            {
                continue; // the thread ended while we looked
            }
            yield return name;
        }
    }

    /// <summary>
    /// OS threads that are not thread-pool workers. The pool grows and shrinks on its own schedule (blocking
    /// waits inject workers that retire only after idling), so counting it would measure the pool, not us.
    /// </summary>
    public static int NonPoolThreads
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            return process.Threads.Count - ThreadPool.ThreadCount;
        }
    }

    /// <summary>Managed heap after full blocking compacting collections, finalizers run in between.</summary>
    public static long SettledHeap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes; true if it held.</summary>
    public static async Task<bool> AwaitConditionAsync(Func<bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
            {
                return false;
            }
            await Task.Delay(20);
        }
        return true;
    }
}
