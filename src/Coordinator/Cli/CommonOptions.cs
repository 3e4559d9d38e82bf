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

    public static ProviderCommandOptions ForProviderCommand(bool journal, bool json = true) => new(journal, json);
}

/// <summary>What the shared options of a command said: the config file, the overrides they make, --json, --verbose.</summary>
public sealed record CommonValues(string? ConfigPath, IReadOnlyDictionary<string, string?> Overrides, bool Json, bool Verbose);

/// <summary>
/// The options every command that opens the provider shares (--provider, --scenario, --config, --verbose; --journal
/// and --json where the command has them), read into the configuration overrides they stand for.
/// </summary>
public sealed class ProviderCommandOptions
{
    private readonly Option<string?> _provider = CommonOptions.Provider();
    private readonly Option<string?> _scenario = CommonOptions.Scenario();
    private readonly Option<string?> _config = CommonOptions.Config();
    private readonly Option<bool> _verbose = CommonOptions.Verbose();
    private readonly Option<string?>? _journal;
    private readonly Option<bool>? _json;

    internal ProviderCommandOptions(bool journal, bool json)
    {
        _journal = journal ? CommonOptions.Journal() : null;
        _json = json ? CommonOptions.Json() : null;
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option?[] { _provider, _scenario, _json, _config, _journal, _verbose })
        {
            if (option is not null)
            {
                command.Options.Add(option);
            }
        }
    }

    /// <param name="overrides">More overrides of the command's own, added to those of the shared options.</param>
    public CommonValues Read(ParseResult parse, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var all = new Dictionary<string, string?>(overrides ?? new Dictionary<string, string?>());
        SetIfGiven(all, "coordinator:provider", NotBlank(parse, _provider));
        SetIfGiven(all, "coordinator:scenario", NotBlank(parse, _scenario));
        if (_journal is not null)
        {
            SetIfGiven(all, "coordinator:journal", NotBlank(parse, _journal));
        }
        return new CommonValues(NotBlank(parse, _config), all, _json is not null && parse.GetValue(_json), parse.GetValue(_verbose));
    }

    /// <summary>
    /// The option's value; an empty one (<c>--journal ""</c>) is refused, since in the configuration an empty value
    /// means "unset" and the command would silently use the default instead of what was typed.
    /// </summary>
    internal static string? NotBlank(ParseResult parse, Option<string?> option)
    {
        var value = parse.GetValue(option);
        return value is null || !string.IsNullOrWhiteSpace(value)
            ? value
            : throw CliException.BadInput($"{option.Name}: the value is empty: give {(option.HelpName is "FILE" ? "a file name" : "a value")} or leave the option out");
    }

    internal static void SetIfGiven(Dictionary<string, string?> overrides, string key, string? value)
    {
        if (value is not null)
        {
            overrides[key] = value;
        }
    }
}
