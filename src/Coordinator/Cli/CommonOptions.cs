using System.CommandLine;

namespace Coordinator.Cli;

/// <summary>Options several commands share; each maps onto a configuration key so config files can set them too.</summary>
public static class CommonOptions
{
    public static Option<string?> Config() => new("--config")
    {
        Description = "HOCON config file (default: config/akka.hocon beside the executable); appsettings.json beside it is read too",
        HelpName = "FILE",
    };

    public static Option<string?> Journal() => new("--journal")
    {
        Description = "SQLite journal file (default: coordinator-journal.db next to the config) [coordinator:journal]",
        HelpName = "FILE",
    };

    public static Option<string?> Provider() => new("--provider")
    {
        Description = "VSS provider: auto (Windows VSS on Windows, simulated elsewhere), simulated, windows [coordinator:provider]",
        HelpName = "auto|simulated|windows",
    };

    public static Option<string?> Scenario() => new("--scenario")
    {
        Description = "simulator scenario (JSON): writers, volumes, faults, persistentStateFile [coordinator:scenario]",
        HelpName = "FILE",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "print one JSON document on stdout and nothing else",
    };

    public static Option<bool> Verbose() => new("--verbose", "-v")
    {
        Description = "log details to stderr",
    };
}
