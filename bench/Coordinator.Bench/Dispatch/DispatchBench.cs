using Coordinator.Actors;
using Coordinator.Bench.Coordination;
using Coordinator.Bench.Harness;

namespace Coordinator.Bench.Dispatch;

/// <summary>
/// Message throughput of the dispatchers the coordinator runs on, each against the raw primitive that does the same
/// hand-off without actors: Akka's default dispatcher (the job actors') and our dedicated-thread dispatcher (the
/// sessions'), plus the Ask round trip the coordinator makes once per job.
/// </summary>
public static class DispatchBench
{
    public static async Task<IReadOnlyList<Row>> RunAsync(BenchMode mode)
    {
        using var system = BenchConfig.CreateSystem("bench-dispatch");
        var rows = new List<Row>();

        // Same number of round trips on both sides, sized so the raw baseline runs for about PingPongDuration.
        var channelTrips = await SizeAsync(PingPong.ChannelsAsync, mode);
        var (tell, channels) = await Measure.PairAsync(
            () => PingPong.ActorsAsync(system, "", channelTrips), () => PingPong.ChannelsAsync(channelTrips), mode.Warmups, mode.Runs);
        rows.Add(new Row("Tell ping-pong, Akka default dispatcher (actors / Channel<T> tasks)", tell, channels, "msg/s", TargetKind.RatioAtLeast, 0.5));

        // The shipped session dispatcher itself: one dedicated thread per actor, as every session gets.
        var threadTrips = await SizeAsync(PingPong.ThreadsAsync, mode);
        var (dedicated, threads) = await Measure.PairAsync(
            () => PingPong.ActorsAsync(system, DispatcherConfig.SessionDispatcherId, threadTrips), () => PingPong.ThreadsAsync(threadTrips), mode.Warmups, mode.Runs);
        rows.Add(new Row("Tell ping-pong, dedicated-thread dispatcher (actors / BlockingCollection threads)", dedicated, threads, "msg/s", TargetKind.RatioAtLeast, 0.5));

        var askRate = await AskRoundTrip.RunAsync(system, 5_000);
        var asks = (int)Math.Clamp(askRate * mode.PingPongDuration.TotalSeconds / 2, 5_000, 1_000_000);
        var askSamples = new List<double>();
        for (var i = 0; i < mode.Runs; i++)
        {
            askSamples.Add(await AskRoundTrip.RunAsync(system, asks));
        }
        rows.Add(new Row("Ask round trip, sequential, default dispatcher (asks/s)", Measure.Median(askSamples), null, "msg/s", TargetKind.Informative, 0));
        await system.Terminate();
        return rows;
    }

    private static async Task<int> SizeAsync(Func<int, Task<double>> baseline, BenchMode mode)
    {
        await baseline(2_000);
        var rate = await baseline(20_000);
        return (int)Math.Clamp(rate / 2 * mode.PingPongDuration.TotalSeconds, 10_000, 5_000_000);
    }
}
