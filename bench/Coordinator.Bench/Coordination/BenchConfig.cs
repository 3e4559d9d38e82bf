using Coordinator.Kernel.Actor;
using Coordinator.Kernel.Configuration;

namespace Coordinator.Bench.Coordination;

/// <summary>The actor system the benchmarks run on: the shipped config/akka.hocon plus one bench-only pinned dispatcher.</summary>
public static class BenchConfig
{
    public const string PinnedPingPongDispatcher = "bench.pinned-ping-pong";

    private const string BenchHocon = """
        bench.pinned-ping-pong {
          type = PinnedDispatcher
          throughput = 30
          thread-name-prefix = "bench-pinned"
          shutdown-timeout = 0s
        }
        """;

    /// <summary>The real config, so the sessions run on the dispatcher the product ships with.</summary>
    public static string ShippedConfigPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "config", "akka.hocon");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("config/akka.hocon not found above " + AppContext.BaseDirectory);
    }

    /// <param name="overrides">HOCON laid over the shipped config, for a variant row that isolates one setting.</param>
    public static ActorSystem CreateSystem(string name, string? overrides = null)
    {
        var config = ConfigurationFactory.ParseString(BenchHocon).WithFallback(ConfigurationFactory.FromFile(ShippedConfigPath()));
        if (overrides is not null)
        {
            config = ConfigurationFactory.ParseString(overrides).WithFallback(config);
        }
        return ActorSystem.Create(name, config);
    }
}
