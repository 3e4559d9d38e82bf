using System.Diagnostics;
using System.Globalization;
using Coordinator.Actors;
using Coordinator.Actors.Jobs;
using Coordinator.Bench.Coordination;
using Coordinator.Bench.Harness;

namespace Coordinator.Bench.Server;

/// <summary>
/// The server's own cost (issue 19): real `coordinator serve` processes on a fresh SQLite journal, the zero-latency
/// simulator, 8 client loops posting {"volumes":["C:\\"]} over HTTP. Durable commits are counted with strace (a count,
/// stable on a noisy machine); throughput and memory are measured without strace.
/// </summary>
public static class ServerBench
{
    private const int Clients = 8;
    private const int WarmupJobs = 1000;
    private static readonly string[] Counted = ["fsync", "fdatasync", "openat"];

    public static async Task<IReadOnlyList<Row>> RunAsync(BenchMode mode, Action<string> progress)
    {
        var rows = new List<Row>();
        progress("server: system calls per job (strace)");
        rows.AddRange(await SyscallRowsAsync(mode.ServerJobs));
        var perJob = new Dictionary<int, double>();
        foreach (var concurrency in new[] { 4, 16 })
        {
            progress($"server: throughput, --max-concurrent-jobs {concurrency}");
            var (row, msPerJob) = await ThroughputRowAsync(mode.ServerJobs, concurrency);
            rows.Add(row);
            perJob[concurrency] = msPerJob;
        }
        progress("server: the coordinator alone, in process");
        var alone = await CoordinatorAloneMsPerJobAsync(mode.ServerJobs, 16);
        rows.Add(new Row("server / coordinator-alone wall time per job (1 volume, 16 at once)", perJob[16], alone, "ms", TargetKind.Informative, 0,
            $"server {perJob[16]:0.00} ms per job over HTTP; the same jobs through ActorBackupCoordinator in process (no HTTP, no journal) {alone:0.000} ms"));
        progress($"server: memory over {mode.SoakJobs:N0} jobs");
        rows.AddRange(await MemoryRowsAsync(mode.SoakJobs));
        return rows;
    }

    private static async Task<IReadOnlyList<Row>> SyscallRowsAsync(int jobs)
    {
        // An idle server (start, stop) gives what starting and stopping cost; the rest is the jobs'.
        var idle = await CountAsync(0);
        var loaded = await CountAsync(jobs);
        long Delta(string call) => loaded.GetValueOrDefault(call) - idle.GetValueOrDefault(call);
        var syncs = Delta("fsync") + Delta("fdatasync");
        var note = $"{jobs} jobs, --max-concurrent-jobs 4: fsync {loaded.GetValueOrDefault("fsync")} + fdatasync {loaded.GetValueOrDefault("fdatasync")} "
            + $"(an idle start and stop: {idle.GetValueOrDefault("fsync")} + {idle.GetValueOrDefault("fdatasync")}); "
            + $"openat {loaded.GetValueOrDefault("openat")} (idle {idle.GetValueOrDefault("openat")})";
        return
        [
            new Row($"durable commits per job: fsync + fdatasync ({jobs} jobs over HTTP, strace -f -c)", (double)syncs / jobs, null, "/job",
                TargetKind.ValueAtMost, 3, note),
            new Row($"file opens per job: openat ({jobs} jobs over HTTP, strace -f -c)", (double)Delta("openat") / jobs, null, "/job", TargetKind.Informative, 0),
        ];
    }

    private static async Task<IReadOnlyDictionary<string, long>> CountAsync(int jobs)
    {
        var server = await ServerProcess.StartAsync(4, Counted);
        await using (server)
        {
            if (jobs > 0)
            {
                var result = await ServerLoad.RunAsync(server.BaseAddress, jobs, Clients, Backlog(4));
                AssertSucceeded(result);
            }
            await server.StopAsync();
            return server.SyscallCounts();
        }
    }

    private static async Task<(Row Row, double MsPerJob)> ThroughputRowAsync(int jobs, int concurrency)
    {
        var load = LoadAverage();
        var server = await ServerProcess.StartAsync(concurrency);
        await using (server)
        {
            // Warm-up: tiered JIT goes on recompiling (150 to 400 methods a second, dotnet-counters) for the first few hundred
            // jobs, on one of the two cores; a server runs for days, so the rows measure it afterwards.
            AssertSucceeded(await ServerLoad.RunAsync(server.BaseAddress, WarmupJobs, Clients, Backlog(concurrency)));
            var cpuBefore = server.CpuTime();
            var result = await ServerLoad.RunAsync(server.BaseAddress, jobs, Clients, Backlog(concurrency));
            var cpu = server.CpuTime() - cpuBefore;
            AssertSucceeded(result);
            await server.StopAsync();
            var target = concurrency == 16 ? TargetKind.ValueAtLeast : TargetKind.Informative;
            var note = $"{result.Elapsed.TotalSeconds:0.00} s, {(double)result.Reads / jobs:0.0} GETs per job; server CPU {cpu.TotalMilliseconds / jobs:0.00} ms per job, "
                + $"{cpu.TotalSeconds / result.Elapsed.TotalSeconds / Environment.ProcessorCount:P0} of {Environment.ProcessorCount} cores; load average {load} before";
            return (new Row($"server throughput: {jobs} jobs over HTTP, {Clients} clients, --max-concurrent-jobs {concurrency}", result.JobsPerSecond, null, "jobs/s",
                target, 150, note), result.Elapsed.TotalMilliseconds / jobs);
        }
    }

    private static async Task<IReadOnlyList<Row>> MemoryRowsAsync(int jobs)
    {
        var load = LoadAverage();
        var server = await ServerProcess.StartAsync(16);
        await using (server)
        {
            var warmup = WarmupJobs;
            AssertSucceeded(await ServerLoad.RunAsync(server.BaseAddress, warmup, Clients, Backlog(16)));
            var before = server.RssBytes();
            var result = await ServerLoad.RunAsync(server.BaseAddress, jobs, Clients, Backlog(16));
            var after = server.RssBytes();
            AssertSucceeded(result);
            await server.StopAsync();
            var journal = server.JournalBytes();
            var total = warmup + jobs;
            return
            [
                new Row($"server RSS after / before {jobs:N0} jobs (--max-concurrent-jobs 16)", after / 1048576.0, before / 1048576.0, "MiB", TargetKind.RatioAtMost, 1.2,
                    $"before: after {warmup} warm-up jobs; {result.JobsPerSecond:0} jobs/s over the run; load average {load} before"),
                new Row("journal bytes per job (after a graceful stop)", (double)journal / total, null, "B", TargetKind.Informative, 0,
                    $"{journal / 1048576.0:0.0} MiB for {total:N0} jobs, events included"),
            ];
        }
    }

    /// <summary>The same one-volume jobs through the actors in process: no HTTP, no journal, nothing serialised.</summary>
    private static async Task<double> CoordinatorAloneMsPerJobAsync(int jobs, int concurrency)
    {
        using var system = BenchConfig.CreateSystem("bench-server-alone");
        var host = JobRunner.NewHost();
        var coordinator = new ActorBackupCoordinator(system, host.CreateFactory(), BenchConfig.Settings(system));
        async Task One(int _)
        {
            var result = await coordinator.RunAsync(BackupJob.Create(BackupJob.NewId(), [@"C:\"]), null, CancellationToken.None);
            if (result.Status != JobStatus.Succeeded)
            {
                throw new InvalidOperationException($"bench job ended {result.Status}: {result.Error?.Message}");
            }
        }
        for (var i = 0; i < 2; i++)
        {
            await JobRunner.RunManyAsync(jobs, concurrency, One);
        }
        var samples = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            samples.Add(await Measure.MillisecondsAsync(() => JobRunner.RunManyAsync(jobs, concurrency, One)) / jobs);
        }
        JobRunner.AssertClean(host);
        return Measure.Median(samples);
    }

    /// <summary>Jobs submitted and not yet seen finished: enough that the workers never wait for the clients.</summary>
    private static int Backlog(int concurrency) => 2 * concurrency + Clients;

    private static void AssertSucceeded(LoadResult result)
    {
        if (result.Statuses.Keys.Any(s => s != "succeeded"))
        {
            throw new InvalidOperationException("bench jobs did not all succeed: " + string.Join(", ", result.Statuses.Select(s => $"{s.Key} {s.Value}")));
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
