using Akka.Configuration;
using Coordinator.Actors;
using Coordinator.Core;
using Microsoft.Extensions.Configuration;

namespace Coordinator.Hosting;

/// <summary>
/// Everything configured, from one parse of config/akka.hocon by Akka's parser with the overrides on top: the
/// config the actor system is created with and the settings built from that same config.
/// </summary>
public sealed record CoordinatorConfig(string Path, Config Akka, CoordinatorSettings Actors, CoordinatorOptions Options)
{
    /// <summary>The journal file: the configured one, else coordinator-journal.db next to the config file.</summary>
    public string JournalPath =>
        System.IO.Path.GetFullPath(Options.Journal ?? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!, "coordinator-journal.db"));
}

/// <summary>
/// The configuration sources, lowest precedence first: config/akka.hocon, appsettings.json beside it, environment
/// variables (<c>coordinator__job__default-timeout</c>), the command line. The same for every command and the server.
/// </summary>
public static class CoordinatorConfiguration
{
    /// <summary>config/akka.hocon beside the executable (the build copies it there).</summary>
    public static string DefaultConfigPath => System.IO.Path.Combine(AppContext.BaseDirectory, "config", "akka.hocon");

    /// <summary>The config file to use: the one given (which must exist), else <see cref="DefaultConfigPath"/>.</summary>
    public static string ResolvePath(string? configPath)
    {
        if (configPath is null)
        {
            return DefaultConfigPath;
        }
        if (!File.Exists(configPath))
        {
            throw CoordinatorException.BadInput($"file '{configPath}' does not exist", "config");
        }
        return System.IO.Path.GetFullPath(configPath);
    }

    /// <param name="commandLine">Overrides from options, keyed like IConfiguration (<c>coordinator:server:urls</c>).</param>
    /// <exception cref="CoordinatorException">The file cannot be read or parsed, or a value is malformed.</exception>
    public static CoordinatorConfig Load(string configPath, IReadOnlyDictionary<string, string?> commandLine)
    {
        var file = ParseFile(configPath);
        var appSettings = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(configPath))!, "appsettings.json");
        IConfigurationRoot overrides;
        try
        {
            overrides = new ConfigurationBuilder()
                .AddJsonFile(appSettings, optional: true, reloadOnChange: false)
                .AddEnvironmentVariables()
                .AddInMemoryCollection(commandLine)
                .Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException or UnauthorizedAccessException)
        {
            throw CoordinatorException.BadInput($"'{appSettings}' cannot be read as JSON settings: {ex.Message}");
        }
        // Akka refuses a config as its own fallback, and an absent file and absent overrides are both Config.Empty.
        var merged = new[] { HoconOverrides.From(overrides), file }
            .Where(c => !c.IsEmpty)
            .Reverse()
            .Aggregate(ConfigurationFactory.ParseString(StandardErrorLogger.Hocon + "\n" + DispatcherConfig.Hocon), (fallback, c) => c.WithFallback(fallback));
        try
        {
            CheckShutdownPhases(merged);
            return new CoordinatorConfig(configPath, merged, CoordinatorSettings.FromConfig(merged), CoordinatorOptions.FromConfig(merged));
        }
        catch (ConfigurationException ex)
        {
            throw CoordinatorException.BadInput($"configuration ({configPath} and its overrides): {ex.Message}");
        }
    }

    /// <summary>
    /// Akka reads its coordinated-shutdown phases only when the actor system first needs them, and a bad timeout there
    /// then breaks the system's own Terminate as well: checked here, with the other settings.
    /// </summary>
    private static void CheckShutdownPhases(Config config)
    {
        var shutdown = new ConfigReader(config, "akka.coordinated-shutdown");
        shutdown.Positive("default-phase-timeout", TimeSpan.FromSeconds(5), DurationLimits.ShutdownTimeout);
        var phases = config.GetValue("akka.coordinated-shutdown.phases");
        if (phases is null || !phases.IsObject())
        {
            return;
        }
        foreach (var phase in phases.GetObject().Items.Keys)
        {
            shutdown.Section("phases").Section(phase).Positive("timeout", TimeSpan.FromSeconds(5), DurationLimits.ShutdownTimeout);
        }
    }

    private static Config ParseFile(string path)
    {
        if (!File.Exists(path))
        {
            return Config.Empty;
        }
        try
        {
            var text = File.ReadAllText(path);
            // Akka's parser accepts unbalanced braces silently and runs out of memory on some (HoconStructure).
            if (HoconStructure.FindError(text) is { } error)
            {
                throw CoordinatorException.BadInput($"config file '{path}' is not valid HOCON: {error}");
            }
            return ConfigurationFactory.ParseString(text);
        }
        catch (IOException ex)
        {
            throw CoordinatorException.BadInput($"config file '{path}' cannot be read: {ex.Message}");
        }
        catch (Exception ex) when (ex is not (CoordinatorException or OutOfMemoryException))
        {
            // Akka's parser reports syntax errors with several exception types (its own, FormatException,
            // ArgumentException, InvalidOperationException...): whatever it throws, the text is what is wrong.
            throw CoordinatorException.BadInput($"config file '{path}' is not valid HOCON: {ex.Message}");
        }
    }
}
