using Coordinator.Actors;
using Coordinator.Actors.Diagnostics;
using Coordinator.Actors.Jobs;
using Coordinator.Bench.Harness;
using Akka.Actor;
using Coordinator.Vss;
using Coordinator.Vss.Simulated;

namespace Coordinator.Bench.Coordination;

/// <summary>
/// K concurrent 3-volume jobs under a scaled latency model (GWM 40, PFB 30, DSS 50, action 100, BC 20, GWS 10 ms), wall time from the first
/// RunAsync to the last result, divided by <see cref="MakespanBound"/> computed from the same latencies.
/// </summary>
public static class MakespanBench
{
    private static readonly Dictionary<string, TimeSpan> Latencies = new()
    {
        [VssCallNames.GatherWriterMetadata] = TimeSpan.FromMilliseconds(40),
        [VssCallNames.PrepareForBackup] = TimeSpan.FromMilliseconds(30),
        [VssCallNames.DoSnapshotSet] = TimeSpan.FromMilliseconds(50),
        [MakespanBound.BackupAction] = TimeSpan.FromMilliseconds(100),
        [VssCallNames.BackupComplete] = TimeSpan.FromMilliseconds(20),
        [VssCallNames.GatherWriterStatus] = TimeSpan.FromMilliseconds(10),
    };

    public static async Task<Row> RunAsync(ActorSystem system, int jobs, BenchMode mode)
    {
        var host = JobRunner.NewHost();
        foreach (var (call, latency) in Latencies.Where(l => l.Key != MakespanBound.BackupAction))
        {
            host.Latency.Set(call, latency);
        }
        var coordinator = new ActorBackupCoordinator(system, host.CreateFactory(), BenchConfig.Settings(system));
        var actionTime = Latencies[MakespanBound.BackupAction];
        var action = new DelegateBackupAction((_, token) => Task.Delay(actionTime, token));

        Task<double> Once() => Measure.MillisecondsAsync(() =>
            Task.WhenAll(Enumerable.Range(0, jobs).Select(_ => JobRunner.RunJobAsync(coordinator, action))));

        for (var i = 0; i < Math.Min(mode.Warmups, 1); i++)
        {
            await Once();
        }
        var samples = new List<double>();
        for (var i = 0; i < mode.MakespanRuns; i++)
        {
            samples.Add(await Once());
        }
        JobRunner.AssertClean(host);
        var bound = MakespanBound.Compute(jobs, step => Latencies[step]).TotalMilliseconds;
        var measured = Measure.Median(samples);
        return new Row($"makespan K={jobs} (measured / exact lower bound)", measured, bound, "ms", TargetKind.RatioAtMost, 1.05,
            $"{jobs} jobs of 3 volumes; the gate is held from StartSnapshotSet until DoSnapshotSet returns");
    }
}
