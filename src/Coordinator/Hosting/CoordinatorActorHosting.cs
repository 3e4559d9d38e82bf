using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Coordinator.Actors;
using Coordinator.Actors.Gate;
using Coordinator.Actors.Job;
using Coordinator.Actors.Jobs;
using Coordinator.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace Coordinator.Hosting;

/// <summary>
/// The actor system of the CLI and the server, hosted by Akka.Hosting: created from the one merged config, logging
/// through <see cref="AkkaLogBridge"/>, the snapshot gate and the job supervisor started and registered
/// (<see cref="IRequiredActor{TKey}"/>), and the <see cref="IBackupCoordinator"/> over them. The host's stop runs
/// Akka's coordinated shutdown, whose service-stop phase cancels running jobs and waits for their cleanup before
/// any actor stops.
/// </summary>
public static class CoordinatorActorHosting
{
    public const string SystemName = "coordinator";

    public static IServiceCollection AddCoordinatorActors(this IServiceCollection services, CoordinatorConfig config, ProviderHandle provider, ISnapshotJournal journal)
    {
        services.AddAkka(SystemName, builder =>
        {
            builder.AddHocon(ConfigurationFactory.ParseString(AkkaLogBridge.Hocon).WithFallback(config.Akka), HoconAddMode.Prepend);
            builder.ConfigureLoggers(loggers =>
            {
                loggers.LogLevel = LogLevelOf(config.Akka);
                loggers.ClearLoggers();
                loggers.AddLogger<AkkaLogBridge>();
            });
            builder.WithActors((system, registry) =>
            {
                var gate = CoordinatorActors.StartGate(system, config.Actors);
                registry.Register<SnapshotGate>(gate);
                registry.Register<JobSupervisor>(CoordinatorActors.StartJobs(system, gate, provider.Factory, config.Actors, journal, TimeProvider.System));
            });
        });
        services.AddSingleton<IBackupCoordinator>(sp =>
            new ActorBackupCoordinator(sp.GetRequiredService<ActorSystem>(), sp.GetRequiredService<IRequiredActor<JobSupervisor>>().GetAsync()));
        return services;
    }

    /// <summary>
    /// akka.loglevel of the config, which Akka.Hosting's logger settings would otherwise reset to Info. OFF is not a
    /// level those settings take, so it becomes Error.
    /// </summary>
    private static Akka.Event.LogLevel LogLevelOf(Config config)
    {
        var text = config.GetString("akka.loglevel", "INFO") ?? "";
        Akka.Event.LogLevel level;
        try
        {
            level = Akka.Event.Logging.LogLevelFor(text.Length > 0 ? text : throw new ArgumentException("empty"));
        }
        catch (ArgumentException)
        {
            throw new ConfigurationException($"akka.loglevel = '{(text.Length <= 60 ? text : text[..57] + "...")}' is not valid: expected DEBUG, INFO, WARNING, ERROR or OFF");
        }
        return level > Akka.Event.LogLevel.ErrorLevel ? Akka.Event.LogLevel.ErrorLevel : level;
    }
}
