using Akka.Actor;
using Akka.Configuration;
using Coordinator.Actors;

namespace Coordinator.Bench.Coordination;

/// <summary>The actor system the benchmarks run on: the shipped config/akka.hocon, with quieter logging.</summary>
public static class BenchConfig
{
    /// <summary>
    /// Akka's default logger writes to stdout, where the table goes; at INFO every system's coordinated shutdown
    /// would land between the rows. Nothing on the measured paths logs below WARNING, so this changes no timing.
    /// </summary>
    private const string BenchHocon = "akka.loglevel = WARNING";

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

    public static Config ShippedConfig() => ConfigurationFactory.ParseString(File.ReadAllText(ShippedConfigPath()));

    /// <param name="overrides">HOCON laid over the shipped config, for a variant row that isolates one setting.</param>
    public static ActorSystem CreateSystem(string name, string? overrides = null)
    {
        var config = ConfigurationFactory.ParseString(BenchHocon).WithFallback(ShippedConfig());
        if (overrides is not null)
        {
            config = ConfigurationFactory.ParseString(overrides).WithFallback(config);
        }
        return ActorSystem.Create(name, config);
    }

    /// <summary>The coordinator's settings from the same config the system was made from, as the host reads them.</summary>
    public static CoordinatorSettings Settings(ActorSystem system) => CoordinatorSettings.FromConfig(system.Settings.Config);
}
