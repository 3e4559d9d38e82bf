using Akka.Actor;
using Coordinator.Actors.Jobs;
using Coordinator.Core;
using Coordinator.Hosting;
using Coordinator.Journal;
using Coordinator.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Coordinator.Cli;

/// <summary>
/// What one CLI command runs with: the merged configuration, logging to stderr, the provider and journal it opens,
/// and — for a backup — the actor system, hosted by Akka.Hosting and stopped (jobs cancelled and cleaned up first)
/// when the command ends.
/// </summary>
public sealed class CommandHost : IAsyncDisposable
{
    private readonly CliDependencies _dependencies;
    private IHost? _actors;
    private SqliteJournal? _journal;

    private CommandHost(CliDependencies dependencies, CoordinatorConfig config, bool verbose)
    {
        _dependencies = dependencies;
        Config = config;
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddCoordinatorConsole(verbose ? LogLevel.Debug : LogLevel.Warning));
        Logger = LoggerFactory.CreateLogger("coordinator");
    }

    public CoordinatorConfig Config { get; }

    public ILoggerFactory LoggerFactory { get; }

    public ILogger Logger { get; }

    /// <exception cref="CoordinatorException">The config file or a setting is wrong.</exception>
    public static CommandHost Create(CliDependencies dependencies, string? configPath, IReadOnlyDictionary<string, string?> overrides, bool verbose) =>
        new(dependencies, CoordinatorConfiguration.Load(CoordinatorConfiguration.ResolvePath(configPath), overrides), verbose);

    public ProviderHandle OpenProvider() =>
        _dependencies.ProviderSource.Open(new ProviderRequest(Config.Options.Provider, Config.Options.Scenario));

    /// <summary>Opens the journal; it is closed with this host, after the actors have stopped writing to it.</summary>
    public SqliteJournal OpenJournal()
    {
        if (_journal is null)
        {
            _journal = SqliteJournal.Open(Config.JournalPath, Config.Options.JournalFlushInterval);
            _journal.Logger = LoggerFactory.CreateLogger("coordinator.journal");
        }
        return _journal;
    }

    /// <summary>Starts the actor system over <paramref name="provider"/> and <paramref name="journal"/>; it stops with this host.</summary>
    public async Task<IBackupCoordinator> StartCoordinatorAsync(ProviderHandle provider, ISnapshotJournal journal, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        // The command's own logger factory, not a second console pipeline: registered as an instance, it stays ours to dispose.
        builder.Services.AddSingleton(LoggerFactory);
        builder.Services.AddCoordinatorActors(Config, provider, journal);
        var actors = builder.Build();
        ActorSystem? system = null;
        try
        {
            // Akka.Hosting logs a failed actor system and stops the application rather than throw: made here first, a
            // bad akka setting (akka.actor.ask-timeout = abc) is an error naming it, before anything started. Coordinated
            // shutdown reads its phases (akka.coordinated-shutdown) only when first used: here too, not at the first job.
            system = actors.Services.GetRequiredService<ActorSystem>();
            CoordinatedShutdown.Get(system);
        }
        catch (Exception ex) when (ActorSystemConfigError.Find(ex) is { } cause)
        {
            if (system is not null)
            {
                try
                {
                    await system.Terminate();
                }
                catch (Exception again) when (ActorSystemConfigError.Find(again) is not null)
                {
                    // Terminate runs coordinated shutdown, which may be what the setting broke; the error below says so.
                }
            }
            actors.Dispose();
            throw CoordinatorException.BadInput($"configuration ({Config.Path} and its overrides): the actor system cannot start: {cause.Message}{ActorSystemConfigError.KeysHolding(Config.Akka, cause.Message)}");
        }
        _actors = actors;
        await _actors.StartAsync(cancellationToken);
        return _actors.Services.GetRequiredService<IBackupCoordinator>();
    }

    public async ValueTask DisposeAsync()
    {
        if (_actors is not null)
        {
            // Coordinated shutdown: running jobs are cancelled and cleaned up before the actors stop.
            await _actors.StopAsync(CancellationToken.None);
            _actors.Dispose();
        }
        _journal?.Dispose();
        LoggerFactory.Dispose();
    }
}
