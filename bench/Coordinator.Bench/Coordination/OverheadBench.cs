using Coordinator.Actors;
using Coordinator.Bench.Harness;
using Akka.Actor;

namespace Coordinator.Bench.Coordination;

/// <summary>
/// N full requester sequences against the zero-latency simulator, through the actors and directly
/// (one dedicated thread per session), the same number in flight on both sides. Latency zero leaves only the
/// coordination cost: messages, actor and thread creation, the gate, the retry and progress machinery.
/// </summary>
public static class OverheadBench
{
    /// <summary>
    /// Cap on warm-up rounds (each side once per round). On this machine full mode settles within 7 to 25 rounds; quick
    /// mode's rounds are short and often reach the cap, about 4 s.
    /// </summary>
    private const int MaxWarmups = 60;

    /// <summary>The shipped config: the row with the target.</summary>
    public static async Task<Row> RunAsync(BenchMode mode)
    {
        await AssertSameCallsAsync();
        using var system = BenchConfig.CreateSystem("bench-overhead");
        return await RunAsync(system, BenchConfig.Settings(system), mode, "", TargetKind.RatioAtMost);
    }

    /// <summary>
    /// The same with the snapshot gate on Akka's default dispatcher instead of the shipped inline one: what the gate's
    /// dispatcher is worth. On the default dispatcher each hand-off of the gate wakes a pool thread for the gate's turn
    /// and then the next session's thread; inline, the releasing session's thread runs the gate's turn.
    /// </summary>
    public static async Task<Row> RunGateOnDefaultDispatcherAsync(BenchMode mode)
    {
        using var system = BenchConfig.CreateSystem("bench-overhead-gate");
        var settings = BenchConfig.Settings(system) with { GateDispatcher = "akka.actor.default-dispatcher" };
        return await RunAsync(system, settings, mode, ", gate on the default dispatcher", TargetKind.Informative);
    }

    private static async Task<Row> RunAsync(ActorSystem system, CoordinatorSettings settings, BenchMode mode, string variant, TargetKind kind)
    {
        var host = JobRunner.NewHost();
        var coordinator = new ActorBackupCoordinator(system, host.CreateFactory(), settings);
        var direct = new DirectSession(host.CreateFactory(), new Semaphore(1, 1));

        Task<double> Actors() => Measure.MillisecondsAsync(() =>
            JobRunner.RunManyAsync(mode.Sessions, mode.SessionConcurrency, _ => JobRunner.RunJobAsync(coordinator)));
        Task<double> Direct() => Measure.MillisecondsAsync(() =>
            JobRunner.RunManyAsync(mode.Sessions, mode.SessionConcurrency, _ => direct.RunAsync(JobRunner.ThreeVolumes)));

        var warmups = await Measure.WarmUntilJitSettlesAsync(async () =>
        {
            await Actors();
            await Direct();
        }, mode.Warmups, MaxWarmups);
        var (actors, baseline) = await Measure.PairAsync(Actors, Direct, 0, mode.Runs);
        JobRunner.AssertClean(host);
        return new Row(
            $"coordination overhead: {mode.Sessions} sessions, {mode.SessionConcurrency} in flight{variant} (actors / direct threads)",
            actors, baseline, "ms", kind, 1.3,
            $"{actors / mode.Sessions * 1000:0} µs vs {baseline / mode.Sessions * 1000:0} µs per session, after {warmups} warm-up rounds of each");
    }

    /// <summary>The ratio means something only if both sides make the same VSS calls: one session each, counted.</summary>
    private static async Task AssertSameCallsAsync()
    {
        // A system of its own: a coordinator's gate has a fixed name, one per system.
        using var system = BenchConfig.CreateSystem("bench-calls");
        var actorHost = JobRunner.NewHost();
        await JobRunner.RunJobAsync(new ActorBackupCoordinator(system, actorHost.CreateFactory(), BenchConfig.Settings(system)));
        var directHost = JobRunner.NewHost();
        await new DirectSession(directHost.CreateFactory(), new Semaphore(1, 1)).RunAsync(JobRunner.ThreeVolumes);

        var actorCalls = actorHost.Accounting.Calls;
        var directCalls = directHost.Accounting.Calls;
        var differences = actorCalls.Keys.Union(directCalls.Keys)
            .Where(call => actorCalls.GetValueOrDefault(call) != directCalls.GetValueOrDefault(call))
            .Select(call => $"{call} {actorCalls.GetValueOrDefault(call)} vs {directCalls.GetValueOrDefault(call)}")
            .ToList();
        if (differences.Count > 0)
        {
            throw new InvalidOperationException("the direct baseline does not make the actors' calls: " + string.Join(", ", differences));
        }
    }
}
