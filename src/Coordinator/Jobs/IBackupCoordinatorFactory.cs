using Coordinator.Actors;
using Coordinator.Actors.Session;
using Coordinator.Actors.Jobs;
using Coordinator.Kernel.Actor;
using Coordinator.Kernel.Configuration;
using Coordinator.Kernel.Hosting;
using Coordinator.Providers;
using Microsoft.Extensions.Logging;

namespace Coordinator.Jobs;

/// <summary>What the coordinator is built from besides the provider and the journal.</summary>
public sealed record CoordinatorContext(string ConfigPath, CoordinatorSettings Settings, ILoggerFactory LoggerFactory);

/// <summary>
/// Builds the coordinator (the actors) over an opened provider and the journal. One seam, so the executable wires
/// the real actors and tests a fake. A coordinator that is IAsyncDisposable/IDisposable is disposed by the caller.
/// </summary>
public interface IBackupCoordinatorFactory
{
    IBackupCoordinator Create(ProviderHandle provider, ISnapshotJournal journal, CoordinatorContext context);
}

/// <summary>The actors' coordinator (<see cref="ActorBackupCoordinator"/>) on an actor system configured from config/akka.hocon.</summary>
public sealed class ActorsCoordinatorFactory : IBackupCoordinatorFactory
{
    public IBackupCoordinator Create(ProviderHandle provider, ISnapshotJournal journal, CoordinatorContext context)
    {
        var config = File.Exists(context.ConfigPath)
            ? ConfigurationFactory.FromFile(context.ConfigPath)
            : ConfigurationFactory.ParseString(SessionDispatcherConfig.Hocon);
        var system = ActorSystem.Create("coordinator", config);
        try
        {
            LoggingBridge.Install(system, context.LoggerFactory);
            return new OwnedCoordinator(system, new ActorBackupCoordinator(system, provider.Factory, context.Settings, journal));
        }
        catch
        {
            system.Dispose();
            throw;
        }
    }

    /// <summary>The coordinator together with the actor system it owns: disposing terminates the system.</summary>
    private sealed class OwnedCoordinator(ActorSystem system, ActorBackupCoordinator inner) : IBackupCoordinator, IAsyncDisposable
    {
        public Task<BackupResult> RunAsync(BackupJob job, Action<JobProgress>? onProgress, CancellationToken cancellationToken) =>
            inner.RunAsync(job, onProgress, cancellationToken);

        /// <summary>Jobs first (cancelled, cleaned up), then the system: see <see cref="ActorBackupCoordinator"/>.</summary>
        public async ValueTask DisposeAsync()
        {
            try
            {
                await inner.DisposeAsync();
            }
            finally
            {
                await system.Terminate().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
    }
}
