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
        var (tell, channels, tellNote) = await PairWithJitNoteAsync(
            () => PingPong.ActorsAsync(system, "", channelTrips), () => PingPong.ChannelsAsync(channelTrips), mode);
        rows.Add(new Row("Tell ping-pong, Akka default dispatcher (actors / Channel<T> tasks)", tell, channels, "msg/s", TargetKind.RatioAtLeast, 0.5, tellNote));

        // The shipped session dispatcher itself: one dedicated thread per actor, as every session gets.
        var threadTrips = await SizeAsync(PingPong.ThreadsAsync, mode);
        var (dedicated, threads, dedicatedNote) = await PairWithJitNoteAsync(
            () => PingPong.ActorsAsync(system, DispatcherConfig.SessionDispatcherId, threadTrips), () => PingPong.ThreadsAsync(threadTrips), mode);
        rows.Add(new Row("Tell ping-pong, dedicated-thread dispatcher (actors / BlockingCollection threads)", dedicated, threads, "msg/s", TargetKind.RatioAtLeast, 0.5, dedicatedNote));

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

    /// <summary>
    /// The mode's fixed warm-up, then both sides alternately. The note says how much the JIT compiled during the
    /// measured runs: the actor side runs through far more code (mailbox, ActorCell, ReceiveActor matching) than a
    /// channel or a BlockingCollection, and in quick mode tiered compilation is still busy (80 to 210 ms of JIT
    /// in about 3 s of measured runs on this machine). Warming until the JIT is quiet, as the overhead row does,
    /// cost 20 rounds (about 12 s per row) and did not change the outcome, so the note is kept and the warm-up not.
    /// </summary>
    private static async Task<(double Subject, double Baseline, string Note)> PairWithJitNoteAsync(
        Func<Task<double>> subject, Func<Task<double>> baseline, BenchMode mode)
    {
        for (var i = 0; i < mode.Warmups; i++)
        {
            await subject();
            await baseline();
        }
        var methods = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        var (s, b) = await Measure.PairAsync(subject, baseline, 0, mode.Runs);
        var note = $"JIT during the measured runs: {System.Runtime.JitInfo.GetCompiledMethodCount() - methods} methods, "
            + $"{(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:0} ms";
        return (s, b, note);
    }

    private static async Task<int> SizeAsync(Func<int, Task<double>> baseline, BenchMode mode)
    {
        await baseline(2_000);
        var rate = await baseline(20_000);
        return (int)Math.Clamp(rate / 2 * mode.PingPongDuration.TotalSeconds, 10_000, 5_000_000);
    }
}
