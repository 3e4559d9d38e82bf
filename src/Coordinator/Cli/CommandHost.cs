using Coordinator.Actors;
using Coordinator.Hosting;
using Coordinator.Journal;
using Coordinator.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordinator.Cli;

/// <summary>
/// The Generic Host of one CLI command: configuration (HOCON, appsettings, environment, command line), options, DI and
/// logging to stderr (stdout stays the command's own: --json must be alone there).
/// </summary>
public sealed class CommandHost : IDisposable
{
    private readonly IHost _host;
    private readonly CliDependencies _dependencies;

    private CommandHost(IHost host, CliDependencies dependencies, string configPath)
    {
        _host = host;
        _dependencies = dependencies;
        ConfigPath = configPath;
        Options = host.Services.GetRequiredService<IOptions<CoordinatorOptions>>().Value;
        Settings = host.Services.GetRequiredService<IOptions<CoordinatorSettings>>().Value;
        Logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("coordinator");
        JournalPath = CoordinatorConfiguration.JournalPath(Options, configPath);
    }

    public string ConfigPath { get; }

    public CoordinatorOptions Options { get; }

    public CoordinatorSettings Settings { get; }

    public ILogger Logger { get; }

    public string JournalPath { get; }

    public IServiceProvider Services => _host.Services;

    public static CommandHost Create(CliDependencies dependencies, string? configPath, IReadOnlyDictionary<string, string?> overrides, bool verbose)
    {
        var path = ResolveConfigPath(configPath);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Path.GetDirectoryName(path) });
        builder.Configuration.AddCoordinatorSources(path, overrides);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning);
        builder.Services.AddCoordinatorCore(builder.Configuration, dependencies);
        return new CommandHost(builder.Build(), dependencies, path);
    }

    public static string ResolveConfigPath(string? configPath)
    {
        if (configPath is null)
        {
            return CoordinatorConfiguration.DefaultConfigPath;
        }
        if (!File.Exists(configPath))
        {
            throw CliException.BadInput($"--config: file '{configPath}' does not exist");
        }
        return Path.GetFullPath(configPath);
    }

    public ProviderHandle OpenProvider() =>
        _dependencies.ProviderSource.Open(new ProviderRequest(Options.Provider, Options.Scenario));

    public SqliteJournal OpenJournal()
    {
        try
        {
            return new SqliteJournal(JournalPath);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw CliException.Environment($"journal '{JournalPath}': {ex.Message} (choose another file with --journal)");
        }
    }

    public void Dispose() => _host.Dispose();
}
