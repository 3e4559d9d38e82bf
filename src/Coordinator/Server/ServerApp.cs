using Coordinator.Hosting;
using Coordinator.Journal;
using Coordinator.Providers;
using Coordinator.Recovery;
using Coordinator.Server.OpenApi;
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
    /// <param name="error">Warnings for the operator at start (e.g. a token file others may read).</param>
    public static async Task<int> RunAsync(TextWriter output, TextWriter error, IVssProviderSource providers, ServeRequest request, CancellationToken cancellationToken)
    {
        var config = CoordinatorConfiguration.Load(CoordinatorConfiguration.ResolvePath(request.ConfigPath), request.Overrides);
        var options = config.Options;
        var urls = ListenUrls.Parse(options.Server.Urls);
        var configuredToken = BearerToken.Resolve(options.Server.TokenFile, options.Server.RequirePrivateTokenFile, warning => error.WriteLine("coordinator: " + warning));
        var token = BearerAuth.ResolveToken(configuredToken, request.InsecureNoAuth, urls);
        var allowList = ProgramAllowList.From(options.Server.AllowedPrograms);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = Path.GetDirectoryName(config.Path),
            ApplicationName = "coordinator",
        });
        builder.Logging.AddCoordinatorConsole(request.Verbose ? LogLevel.Debug : LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore", request.Verbose ? LogLevel.Information : LogLevel.Warning);
        // A failure to start is reported as one line by ListenGuard; the host's own entry carries the stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", request.Verbose ? LogLevel.Information : LogLevel.Critical);
        builder.WebHost.UseUrls([.. urls.Select(u => u.Url)]);
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
        builder.Services.AddSingleton(allowList);
        builder.Services.AddSingleton<JobQueue>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<JobQueue>());
        builder.Services.AddCoordinatorOpenApi();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<JournalDamageHandler>();

        var app = builder.Build();
        await using var disposeApp = app;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("coordinator.server");
        journal.Logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("coordinator.journal");

        // Recover before accepting jobs: nothing new may start while orphans of the last run are being deleted.
        var report = await StartupRecovery.RunAsync(journal, provider, logger);
        logger.LogInformation("recovery: {Interrupted} interrupted job(s), {Deleted} orphaned snapshot set(s) deleted, {Gone} already gone, {Failed} not deleted",
            report.InterruptedJobs.Count, report.DeletedSets.Count, report.AlreadyGoneSets.Count, report.Failed.Count);

        app.UseExceptionHandler();
        // Every error the framework answers with an empty body (404 unknown path, 405, a binding failure) gets problem details too.
        app.UseStatusCodePages();
        app.UseBearerAuth(token);
        app.MapOpenApi();
        app.MapJobEndpoints(provider, config.Actors.Timeouts.GatherWriterMetadata);

        await ListenGuard.StartAsync(app, insecure: token is null, cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        // One line per address on stdout, so scripts (and tests using port 0) learn where the server listens.
        foreach (var address in addresses)
        {
            await output.WriteLineAsync($"coordinator: listening on {address}");
        }
        await output.WriteLineAsync($"coordinator: {provider.Description}, journal {journal.Path}{(token is null ? ", NO AUTHENTICATION (--insecure-no-auth)" : "")}{(allowList.AllowsAny ? "" : ", programs limited to coordinator.server.allowed-programs")}");
        await output.FlushAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
