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

    /// <summary>How long progress events may wait to share one journal commit (group commit).</summary>
    public TimeSpan JournalFlushInterval { get; init; } = Coordinator.Journal.SqliteJournal.DefaultFlushInterval;

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
            JournalFlushInterval = c.Positive("journal-flush-interval", d.JournalFlushInterval, Actors.DurationLimits.JournalFlushInterval),
            Server = ServerOptions.FromConfig(c.Section("server")) with { AllowedPrograms = ServerOptions.ReadAllowedPrograms(config) },
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

    /// <summary>Refuse a token file that group or others may read (Unix); by default such a file only gets a warning.</summary>
    public bool RequirePrivateTokenFile { get; init; }

    /// <summary>The programs an API job may run (as given; resolved at start). Empty: any program the server's user can run.</summary>
    public IReadOnlyList<string> AllowedPrograms { get; init; } = NoPrograms;

    // One instance, so options read from the shipped file (an empty list) equal the code's defaults.
    private static readonly IReadOnlyList<string> NoPrograms = [];

    public const string RequirePrivateTokenFileKey = "coordinator.server.require-private-token-file";
    public const string AllowedProgramsKey = "coordinator.server.allowed-programs";

    internal static ServerOptions FromConfig(ConfigReader c)
    {
        var d = new ServerOptions();
        return new ServerOptions
        {
            Urls = c.String("urls", d.Urls),
            MaxConcurrentJobs = c.Int("max-concurrent-jobs", d.MaxConcurrentJobs, min: 1),
            ShutdownTimeout = c.Positive("shutdown-timeout", d.ShutdownTimeout, DurationLimits.ShutdownTimeout),
            TokenFile = c.OptionalString("token-file"),
            RequirePrivateTokenFile = ReadSwitch(c.OptionalString("require-private-token-file"), RequirePrivateTokenFileKey),
        };
    }

    private static bool ReadSwitch(string? text, string key) => text?.Trim().ToLowerInvariant() switch
    {
        null => false,
        "on" or "true" or "yes" => true,
        "off" or "false" or "no" => false,
        _ => throw new ConfigurationException($"{key} = '{text}' is not valid: expected on | off"),
    };

    /// <summary>A HOCON list in the file; from the environment or appsettings.json (which give strings) a ';'-separated list.</summary>
    internal static IReadOnlyList<string> ReadAllowedPrograms(Config config)
    {
        if (config.IsEmpty || !config.HasPath(AllowedProgramsKey))
        {
            return NoPrograms;
        }
        var value = config.GetValue(AllowedProgramsKey);
        IEnumerable<string> entries;
        try
        {
            entries = value.IsArray()
                ? config.GetStringList(AllowedProgramsKey)
                : (value.GetString() ?? "").Split(';');
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ConfigurationException($"{AllowedProgramsKey} is not valid: expected a list of programs, e.g. [\"/usr/bin/restic\"] ({ex.Message})");
        }
        var programs = entries.Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
        return programs.Count == 0 ? NoPrograms : programs;
    }
}
