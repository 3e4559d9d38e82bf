namespace Coordinator.Bench.Harness;

/// <summary>Sizes of each benchmark: quick fits in 60 s on 2 shared cores; full is the sizes the targets are set for (1,000 sessions, 9 runs).</summary>
/// <param name="ServerJobs">Jobs per server row (counts and throughput); <paramref name="SoakJobs"/> for the server's memory row.</param>
/// <param name="Runs">Measured runs per row (the median is kept); <paramref name="MakespanRuns"/> for the slow makespan rows.</param>
public sealed record BenchMode(string Name, int Warmups, int Runs, int MakespanRuns, TimeSpan PingPongDuration, int Sessions, int SessionConcurrency, int IdleSessions,
    int ServerJobs, int SoakJobs)
{
    public static BenchMode Quick { get; } = new("quick", 1, 5, 3, TimeSpan.FromMilliseconds(300), 200, 8, 500, 1000, 3000);

    public static BenchMode Full { get; } = new("full", 2, 9, 7, TimeSpan.FromSeconds(2), 1000, 8, 500, 1000, 20000);
}
