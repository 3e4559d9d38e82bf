namespace Coordinator.Bench.Harness;

/// <summary>Sizes of each benchmark: quick fits in 60 s on 2 shared cores; full is issue 7's sizes.</summary>
public sealed record BenchMode(string Name, int Warmups, int Runs, TimeSpan PingPongDuration, int Sessions, int SessionConcurrency, int IdleSessions)
{
    public static BenchMode Quick { get; } = new("quick", 1, 3, TimeSpan.FromMilliseconds(500), 200, 8, 500);

    public static BenchMode Full { get; } = new("full", 2, 7, TimeSpan.FromSeconds(2), 1000, 8, 500);
}
