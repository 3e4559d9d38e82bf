using Coordinator.Hosting;
using Coordinator.Journal;
using Coordinator.Providers;
using Coordinator.Recovery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Coordinator.Server;

/// <summary>What `coordinator serve` was asked for on its command line.</summary>
public sealed record ServeRequest(string? ConfigPath, IReadOnlyDictionary<string, string?> Overrides, bool InsecureNoAuth, bool Verbose);

/// <summary>
/// The backup server: opens the provider and journal, recovers what a crash left, then serves the API until stopped.
/// Stopping (SIGTERM, Ctrl+C, the token) cancels running jobs and waits for their cleanup before exiting.
/// </summary>
public static class ServerApp
{
    public static async Task<int> RunAsync(TextWriter output, IVssProviderSource providers, ServeRequest request, CancellationToken cancellationToken)
    {
        var config = CoordinatorConfiguration.Load(CoordinatorConfiguration.ResolvePath(request.ConfigPath), request.Overrides);
        var options = config.Options;
        var urls = options.Server.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var token = BearerAuth.ResolveToken(options.Server.TokenFile, request.InsecureNoAuth, urls);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = Path.GetDirectoryName(config.Path),
            ApplicationName = "coordinator",
        });
        builder.Logging.AddCoordinatorConsole(request.Verbose ? LogLevel.Debug : LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore", request.Verbose ? LogLevel.Information : LogLevel.Warning);
        builder.WebHost.UseUrls(urls);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.Server.ShutdownTimeout);

        using var provider = providers.Open(new ProviderRequest(options.Provider, options.Scenario));
        // Disposed after the app (declared before it): the job queue and the actors write until they have stopped.
        using var journal = SqliteJournal.Open(config.JournalPath, options.JournalFlushInterval);
        var signal = new ChangeSignal();
        journal.Changed += _ => signal.Pulse();
        builder.Services.AddSingleton(config);
        builder.Services.AddSingleton(provider);
        builder.Services.AddSingleton(journal);
        // The actor system is hosted beside the web server; the job queue is registered after it, so it stops first:
        // running jobs are cancelled and drained before the actors stop.
        builder.Services.AddCoordinatorActors(config, provider, journal);
        builder.Services.AddSingleton(signal);
        builder.Services.AddSingleton<JobQueue>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<JobQueue>());
        builder.Services.AddOpenApi();
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        await using var disposeApp = app;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("coordinator.server");
        journal.Logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("coordinator.journal");

        // Recover before accepting jobs: nothing new may start while orphans of the last run are being deleted.
        var report = await StartupRecovery.RunAsync(journal, provider, logger);
        logger.LogInformation("recovery: {Interrupted} interrupted job(s), {Deleted} orphaned snapshot set(s) deleted, {Gone} already gone, {Failed} not deleted",
            report.InterruptedJobs.Count, report.DeletedSets.Count, report.AlreadyGoneSets.Count, report.Failed.Count);

        app.UseExceptionHandler();
        app.UseBearerAuth(token);
        app.MapOpenApi();
        app.MapJobEndpoints(provider, config.Actors.Timeouts.GatherWriterMetadata);

        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        // One line per address on stdout, so scripts (and tests using port 0) learn where the server listens.
        foreach (var address in addresses)
        {
            await output.WriteLineAsync($"coordinator: listening on {address}");
        }
        await output.WriteLineAsync($"coordinator: {provider.Description}, journal {journal.Path}{(token is null ? ", NO AUTHENTICATION (--insecure-no-auth)" : "")}");
        await output.FlushAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
