using System.Collections.Concurrent;
using System.Diagnostics;
using Coordinator.Actors.Jobs;
using Coordinator.Actors.Session;
using Xunit.Abstractions;

namespace Coordinator.Actors.Tests.Soak;

/// <summary>
/// Issue 7's soak: M jobs (2,000; COORDINATOR_SOAK_JOBS to change) with faults drawn from the simulator's
/// catalogue, 16 at once, seeded (COORDINATOR_SOAK_SEED replays a run). At the end every job is in the state its
/// fault promises, nothing leaked on any host, no call came from a wrong thread, no snapshot is alive, the
/// session threads are gone and the managed heap is where it was after warm-up (within 10%).
/// </summary>
[Collection(SoakCollection.Name)]
public sealed class SoakSpec(ITestOutputHelper output)
{
    private const int Lanes = 16;
    private const double HeapTolerance = 0.10;
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Jobs_under_random_faults_end_as_promised_and_leave_nothing_behind()
    {
        var jobs = EnvInt("COORDINATOR_SOAK_JOBS") ?? 2_000;
        var seed = EnvInt("COORDINATOR_SOAK_SEED") ?? Random.Shared.Next();
        output.WriteLine($"soak: seed {seed} (replay with COORDINATOR_SOAK_SEED={seed}), {jobs} jobs, {Lanes} lanes");

        var lanes = Enumerable.Range(0, Lanes).Select(i => new SoakLane(i)).ToArray();
        var random = new Random(seed);
        var scenarios = Enumerable.Range(0, jobs).Select(_ => SoakCatalogue.Draw(random, lanes[0].Settings.Retry.MaxAttempts)).ToArray();
        var tally = new SoakTally();
        var watch = Stopwatch.StartNew();
        try
        {
            // Warm-up: JIT, pools and lazy statics reach their working size before the baselines are taken. A
            // quarter of the run: on a 3 MiB heap, one-time growth after a shorter warm-up is a few percent already.
            var warmup = Math.Min(jobs, Math.Max(200, jobs / 4));
            await RunAsync(lanes, scenarios, 0, warmup, tally);
            Assert.True(await ProcessProbe.AwaitConditionAsync(() => ProcessProbe.SessionThreads == 0, SettleTimeout), "session threads after warm-up");
            var threadsBefore = ProcessProbe.NonPoolThreads;
            var heapBefore = ProcessProbe.SettledHeap();

            await RunAsync(lanes, scenarios, warmup, jobs, tally);

            var sessionThreadsGone = await ProcessProbe.AwaitConditionAsync(() => ProcessProbe.SessionThreads == 0, SettleTimeout);
            var threadsBack = await ProcessProbe.AwaitConditionAsync(() => ProcessProbe.NonPoolThreads <= threadsBefore, SettleTimeout);
            var threadsAfter = ProcessProbe.NonPoolThreads;
            var heapAfter = ProcessProbe.SettledHeap();
            var growth = (heapAfter - heapBefore) / (double)heapBefore;

            var accounting = lanes.Select(l => l.Host.Accounting).ToList();
            var leaks = accounting.Sum(a => a.Leaks);
            var wrongThread = accounting.Sum(a => a.WrongThreadCalls);
            var alive = accounting.Sum(a => a.SnapshotsAlive);
            var violations = accounting.Sum(a => a.StateViolations);
            var summary = $"soak: seed {seed}, {tally.Completed}/{jobs} jobs in {watch.Elapsed.TotalSeconds:0.0} s, {Lanes} at once; "
                + $"{tally.Statuses}; families {tally.Families}; mismatches {tally.Mismatches.Count}; "
                + $"leaks {leaks}, wrong-thread calls {wrongThread}, snapshots alive {alive}, state violations {violations}; "
                + $"session threads {ProcessProbe.SessionThreads}, non-pool threads {threadsBefore} -> {threadsAfter}; "
                + $"heap after warm-up {heapBefore / 1048576.0:0.00} MiB -> {heapAfter / 1048576.0:0.00} MiB ({growth:+0.0%;-0.0%})";
            output.WriteLine(summary);
            Console.WriteLine(summary);

            Assert.True(tally.Mismatches.IsEmpty, $"seed {seed}: jobs not as promised:\n" + string.Join("\n", tally.Mismatches.Take(20)));
            Assert.Equal(jobs, tally.Completed);
            Assert.Equal(0, leaks);
            Assert.Equal(0, wrongThread);
            Assert.Equal(0, alive);
            Assert.Equal(0, violations);
            Assert.True(sessionThreadsGone, $"seed {seed}: {ProcessProbe.SessionThreads} session threads still alive");
            Assert.True(threadsBack, $"seed {seed}: non-pool threads {threadsAfter}, {threadsBefore} after warm-up");
            Assert.True(growth <= HeapTolerance, $"seed {seed}: managed heap grew {growth:P1} after warm-up ({heapBefore} -> {heapAfter} bytes)");
        }
        finally
        {
            foreach (var lane in lanes)
            {
                await lane.DisposeAsync();
            }
        }
    }

    /// <summary>Runs scenarios [from, to) on the lanes, each lane taking the next job when its last one ended.</summary>
    private static async Task RunAsync(SoakLane[] lanes, SoakScenario[] scenarios, int from, int to, SoakTally tally)
    {
        var next = from - 1;
        await Task.WhenAll(lanes.Select(lane => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < to)
            {
                var scenario = scenarios[index];
                var (result, mismatch) = await lane.RunAsync(scenario);
                // The job is over: its host must be clean now, before the lane's next job.
                var accounting = lane.Host.Accounting;
                if (mismatch is null && (accounting.Leaks != 0 || accounting.NonPersistentSnapshotsAlive != 0))
                {
                    mismatch = $"host not clean after the job: {accounting}";
                }
                tally.Record(index, scenario, result, mismatch);
                if (result is null)
                {
                    return; // a job without a result may still hold the lane: stop using it
                }
            }
        })));
    }

    private static int? EnvInt(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : null;
}

/// <summary>Counts per status and family, and every mismatch with its job number and scenario.</summary>
internal sealed class SoakTally
{
    private readonly ConcurrentDictionary<string, int> _statuses = new();
    private readonly ConcurrentDictionary<string, int> _families = new();
    private int _completed;

    public ConcurrentQueue<string> Mismatches { get; } = new();

    public int Completed => Volatile.Read(ref _completed);

    public string Statuses => Render(_statuses);

    public string Families => Render(_families);

    public void Record(int index, SoakScenario scenario, BackupResult? result, string? mismatch)
    {
        _families.AddOrUpdate(scenario.Family, 1, (_, n) => n + 1);
        if (result is not null)
        {
            Interlocked.Increment(ref _completed);
            _statuses.AddOrUpdate(result.Status.ToString(), 1, (_, n) => n + 1);
        }
        if (mismatch is not null)
        {
            Mismatches.Enqueue($"job {index} {scenario}: {mismatch}");
        }
    }

    private static string Render(ConcurrentDictionary<string, int> counts) =>
        string.Join(", ", counts.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"));
}
