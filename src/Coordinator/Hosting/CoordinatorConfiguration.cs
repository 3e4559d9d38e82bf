using Coordinator.Kernel.Configuration;
using Microsoft.Extensions.Configuration;

namespace Coordinator.Hosting;

/// <summary>
/// The configuration sources, in order of precedence (lowest first): config/akka.hocon, appsettings.json beside it,
/// environment variables, the command line. The same for every command and for the server.
/// </summary>
public static class CoordinatorConfiguration
{
    /// <summary>config/akka.hocon beside the executable (the build copies it there).</summary>
    public static string DefaultConfigPath => Path.Combine(AppContext.BaseDirectory, "config", "akka.hocon");

    public static IConfigurationBuilder AddCoordinatorSources(
        this IConfigurationBuilder builder, string configPath, IReadOnlyDictionary<string, string?> commandLine)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        builder.AddHoconFile(configPath, optional: true);
        builder.AddJsonFile(Path.Combine(directory, "appsettings.json"), optional: true, reloadOnChange: false);
        builder.AddEnvironmentVariables();
        builder.AddInMemoryCollection(commandLine);
        return builder;
    }

    /// <summary>The journal file: the configured one, else coordinator-journal.db next to the config file.</summary>
    public static string JournalPath(CoordinatorOptions options, string configPath) =>
        Path.GetFullPath(options.Journal ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath))!, "coordinator-journal.db"));
}
