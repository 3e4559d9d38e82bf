using Coordinator.Kernel.Actor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Coordinator.Kernel.Hosting;

/// <summary>
/// Runs the actor system with the host (Akka.Hosting's <c>AkkaHostedService</c>): <see cref="StartAsync"/> creates
/// the system, installs the logging bridge and runs the starters; <see cref="StopAsync"/> terminates the system;
/// if the system terminates by itself, the application is stopped.
/// </summary>
public sealed partial class AkkaHostedService : IHostedService
{
    private static readonly TimeSpan _stopAfterFailedStartTimeout = TimeSpan.FromSeconds(10);

    private readonly IServiceProvider _services;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<AkkaHostedService> _logger;
    private ActorSystem? _system;
    private volatile bool _stopping;

    /// <summary>Created by DI; see <see cref="AkkaHostingExtensions"/>.</summary>
    public AkkaHostedService(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<AkkaHostedService> logger)
    {
        _services = services;
        _lifetime = lifetime;
        _logger = logger;
    }

    /// <summary>The running system; null before <see cref="StartAsync"/>.</summary>
    public ActorSystem? System => _system;

    /// <summary>Creates the system, installs the logging bridge and runs the starters in order.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var state = _services.GetRequiredService<AkkaHostingState>();
            _system = state.GetOrCreateSystem();
            var builder = state.Builder;
            if (builder.LoggingBridgeEnabled && _services.GetService<ILoggerFactory>() is { } loggerFactory)
            {
                LoggingBridge.Install(_system, loggerFactory);
            }

            var registry = _services.GetRequiredService<ActorRegistry>();
            var resolver = new DependencyResolver(_services);
            foreach (var starter in builder.Starters)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await starter(_system, registry, resolver).ConfigureAwait(false);
            }

            // Watching starts after the starters; a system that already terminated is still noticed at once.
            _ = WatchTerminationAsync(_system);
            LogStarted(_system.Name);
        }
        catch (Exception ex)
        {
            // Akka.Hosting issue #470: a failed start must never be silent.
            LogStartFailed(ex, _system?.Name ?? "(not created)");
            try
            {
                // Best effort, bounded: the start failure is what must reach the caller.
                using var timeout = new CancellationTokenSource(_stopAfterFailedStartTimeout);
                await StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception stopFailure)
            {
                LogStopAfterFailedStartFailed(stopFailure);
            }

            throw;
        }
    }

    /// <summary>Terminates the system (all actors' PostStop run) and waits for it.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        var system = _system;
        if (system is null)
        {
            return;
        }

        LogStopping(system.Name);
        await system.Terminate().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WatchTerminationAsync(ActorSystem system)
    {
        await system.WhenTerminated.ConfigureAwait(false);
        LogTerminated(system.Name);
        if (!_stopping)
        {
            LogTerminatedOnItsOwn(system.Name);
            _lifetime.StopApplication();
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Actor system {SystemName} started")]
    private partial void LogStarted(string systemName);

    [LoggerMessage(2, LogLevel.Critical, "Actor system {SystemName} failed to start; stopping it and rethrowing")]
    private partial void LogStartFailed(Exception exception, string systemName);

    [LoggerMessage(3, LogLevel.Error, "Stopping the actor system after a failed start also failed")]
    private partial void LogStopAfterFailedStartFailed(Exception exception);

    [LoggerMessage(4, LogLevel.Information, "Terminating actor system {SystemName}")]
    private partial void LogStopping(string systemName);

    [LoggerMessage(6, LogLevel.Information, "Actor system {SystemName} terminated")]
    private partial void LogTerminated(string systemName);

    [LoggerMessage(5, LogLevel.Warning, "Actor system {SystemName} terminated without the host stopping it; stopping the application")]
    private partial void LogTerminatedOnItsOwn(string systemName);
}
