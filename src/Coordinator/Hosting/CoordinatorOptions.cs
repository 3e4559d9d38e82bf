using Akka.Configuration;
using Coordinator.Actors;

namespace Coordinator.Hosting;

/// <summary>
/// The executable's own settings, from the "coordinator" section of the one merged config
/// (<see cref="CoordinatorConfiguration.Load"/>): immutable, absent keys at their defaults (those of config/akka.hocon).
/// </summary>
public sealed record CoordinatorOptions
{
    public const string ProviderKey = "coordinator.provider";
    public const string ScenarioKey = "coordinator.scenario";
    public const string JournalKey = "coordinator.journal";

    /// <summary>auto | simulated | windows.</summary>
    public string Provider { get; init; } = "auto";

    /// <summary>The simulator's scenario file (JSON), simulated provider only.</summary>
    public string? Scenario { get; init; }

    /// <summary>The SQLite journal; default: coordinator-journal.db next to the config file.</summary>
    public string? Journal { get; init; }

    public ServerOptions Server { get; init; } = new();

    /// <exception cref="ConfigurationException">A value is malformed; the message names its path.</exception>
    public static CoordinatorOptions FromConfig(Config config)
    {
        var c = new ConfigReader(config, "coordinator");
        var d = new CoordinatorOptions();
        return new CoordinatorOptions
        {
            Provider = c.String("provider", d.Provider),
            Scenario = c.OptionalString("scenario"),
            Journal = c.OptionalString("journal"),
            Server = ServerOptions.FromConfig(c.Section("server")),
        };
    }
}

public sealed record ServerOptions
{
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>Jobs run at once; the rest wait in the queue. The SnapshotGate still admits one snapshot-set creation at a time.</summary>
    public int MaxConcurrentJobs { get; init; } = 4;

    /// <summary>How long shutdown waits for cancelled jobs to clean up (AbortBackup, release, delete snapshots).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(90);

    public string? TokenFile { get; init; }

    internal static ServerOptions FromConfig(ConfigReader c)
    {
        var d = new ServerOptions();
        return new ServerOptions
        {
            Urls = c.String("urls", d.Urls),
            MaxConcurrentJobs = c.Int("max-concurrent-jobs", d.MaxConcurrentJobs, min: 1),
            ShutdownTimeout = c.Positive("shutdown-timeout", d.ShutdownTimeout, DurationLimits.ShutdownTimeout),
            TokenFile = c.OptionalString("token-file"),
        };
    }
}
