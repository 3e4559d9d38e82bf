using System.Diagnostics;
using Coordinator.Actors;
using Coordinator.Actors.Jobs;
using Coordinator.Bench.Harness;
using Akka.Actor;
using Coordinator.Actors.Dispatch;

namespace Coordinator.Bench.Coordination;

/// <summary>
/// N sessions parked in their backup action (each holding its pinned thread and its components
/// object, snapshots taken), measured against the same process with the actor system and coordinator up but no
/// session. Runs first, in a fresh process, so earlier benchmarks' heap growth does not hide the cost.
/// </summary>
public static class IdleMemoryBench
{
    public static async Task<IReadOnlyList<Row>> RunAsync(BenchMode mode)
    {
        using var system = BenchConfig.CreateSystem("bench-memory");
        var host = JobRunner.NewHost();
        var coordinator = new ActorBackupCoordinator(system, host.CreateFactory(), BenchConfig.Settings(system));
        await JobRunner.RunJobAsync(coordinator); // JIT and lazy statics belong to the empty process
        await WaitForSessionThreadsAsync(system, 0);
        var (rssBefore, heapBefore) = Sample();

        var count = mode.IdleSessions;
        var parked = 0;
        var allParked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var action = new DelegateBackupAction(async (_, token) =>
        {
            if (Interlocked.Increment(ref parked) == count)
            {
                allParked.SetResult();
            }
            await release.Task.WaitAsync(token);
        });
        var jobs = Enumerable.Range(0, count).Select(_ => JobRunner.RunJobAsync(coordinator, action)).ToList();
        await allParked.Task.WaitAsync(TimeSpan.FromSeconds(120));
        var threads = SessionThreads(system);
        var (rssIdle, heapIdle) = Sample();

        release.SetResult();
        await Task.WhenAll(jobs);
        JobRunner.AssertClean(host);
        await system.Terminate();

        var stack = SessionDispatcher(system).StackSize;
        var note = $"{count} sessions parked, {threads} session threads (stack {stack / 1024} KiB each, vss-session-dispatcher.stack-size); "
            + $"RSS {rssBefore / 1048576.0:0.0} → {rssIdle / 1048576.0:0.0} MiB, managed heap {heapBefore / 1048576.0:0.0} → {heapIdle / 1048576.0:0.0} MiB";
        return
        [
            new Row($"memory per idle session, RSS ({count} sessions)", (rssIdle - rssBefore) / (double)count, null, "B", TargetKind.ValueAtMost, 256 * 1024, note),
            new Row($"memory per idle session, managed heap ({count} sessions)", (heapIdle - heapBefore) / (double)count, null, "B", TargetKind.ValueAtMost, 256 * 1024),
        ];
    }

    /// <summary>RSS and managed heap after a full, compacting, blocking collection.</summary>
    private static (long Rss, long Heap) Sample()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (process.WorkingSet64, heap);
    }

    /// <summary>The shipped session dispatcher's settings, read the way the dispatcher reads them.</summary>
    private static DedicatedThreadSettings SessionDispatcher(ActorSystem system) =>
        DedicatedThreadSettings.FromConfig(system.Settings.Config.GetConfig(Coordinator.Actors.DispatcherConfig.SessionDispatcherId));

    /// <summary>
    /// Live session threads, by OS thread name (.NET names the Linux thread after the managed one, cut to 15
    /// characters, which "vss-session" fits in). -1 where /proc does not exist.
    /// </summary>
    private static int SessionThreads(ActorSystem system)
    {
        if (!OperatingSystem.IsLinux())
        {
            return -1;
        }
        var prefix = SessionDispatcher(system).ThreadNamePrefix;
        var count = 0;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).StartsWith(prefix, StringComparison.Ordinal))
                {
                    count++;
                }
            }
            catch (IOException)
            {
                // the thread ended while we looked
            }
        }
        return count;
    }

    /// <summary>Session threads outlive their actor by the dispatcher's shutdown-timeout; the baseline must not count them.</summary>
    private static async Task WaitForSessionThreadsAsync(ActorSystem system, int expected)
    {
        var deadline = Stopwatch.StartNew();
        while (SessionThreads(system) > expected)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException("session threads did not exit");
            }
            await Task.Delay(20);
        }
    }
}
