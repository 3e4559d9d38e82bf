using Coordinator.Actors.Jobs;
using Coordinator.Cli;
using Coordinator.Hosting;
using Coordinator.Journal;
using Coordinator.Kernel.Configuration;
using Coordinator.Providers;
using Coordinator.Recovery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordinator.Server;

/// <summary>What `coordinator serve` was asked for on its command line.</summary>
public sealed record ServeRequest(string? ConfigPath, IReadOnlyDictionary<string, string?> Overrides, bool InsecureNoAuth, bool Verbose);

/// <summary>
/// The backup server: opens the provider and journal, recovers what a crash left, then serves the API until stopped.
/// Stopping (SIGTERM, Ctrl+C, the token) cancels running jobs and waits for their cleanup before exiting.
/// </summary>
public static class ServerApp
{
    public static async Task<int> RunAsync(CliConsole console, CliDependencies dependencies, ServeRequest request, CancellationToken cancellationToken)
    {
        var configPath = CommandHost.ResolveConfigPath(request.ConfigPath);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = Path.GetDirectoryName(configPath),
            ApplicationName = "coordinator",
        });
        builder.Configuration.AddCoordinatorSources(configPath, request.Overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(request.Verbose ? LogLevel.Debug : LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore", request.Verbose ? LogLevel.Information : LogLevel.Warning);
        builder.Services.AddCoordinatorCore(builder.Configuration, dependencies);

        var options = builder.Configuration.GetSection(CoordinatorOptions.Section).GetHocon<CoordinatorOptions>();
        var urls = options.Server.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var token = BearerAuth.ResolveToken(options.Server.TokenFile, request.InsecureNoAuth, urls);
        builder.WebHost.UseUrls(urls);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.Server.ShutdownTimeout);

        var provider = dependencies.ProviderSource.Open(new ProviderRequest(options.Provider, options.Scenario));
        SqliteJournal journal;
        try
        {
            journal = new SqliteJournal(CoordinatorConfiguration.JournalPath(options, configPath));
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            provider.Dispose();
            throw CliException.Environment($"journal: {ex.Message} (choose another file with --journal)");
        }
        try
        {
            var signal = new ChangeSignal();
            journal.Changed += _ => signal.Pulse();
            builder.Services.AddSingleton(provider);
            builder.Services.AddSingleton(journal);
            // The container owns the coordinator (and its actor system): disposing the app terminates it after the
            // hosted services, so the job queue has cancelled and drained its jobs first.
            builder.Services.AddSingleton<IBackupCoordinator>(sp => dependencies.CoordinatorFactory.Create(provider, journal,
                new Jobs.CoordinatorContext(configPath, sp.GetRequiredService<IOptions<Actors.CoordinatorSettings>>().Value, sp.GetRequiredService<ILoggerFactory>())));
            builder.Services.AddSingleton(signal);
            builder.Services.AddSingleton<JobQueue>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<JobQueue>());
            builder.Services.AddOpenApi();
            builder.Services.AddProblemDetails();

            var app = builder.Build();
            await using var disposeApp = app;
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("coordinator.server");
            // Built now, not at the first job: a coordinator that cannot start is an error at start.
            app.Services.GetRequiredService<IBackupCoordinator>();

            // Recover before accepting jobs: nothing new may start while orphans of the last run are being deleted.
            var report = await StartupRecovery.RunAsync(journal, provider, logger);
            logger.LogInformation("recovery: {Interrupted} interrupted job(s), {Deleted} orphaned snapshot set(s) deleted, {Gone} already gone, {Failed} not deleted",
                report.InterruptedJobs.Count, report.DeletedSets.Count, report.AlreadyGoneSets.Count, report.Failed.Count);

            app.UseExceptionHandler();
            app.UseBearerAuth(token);
            app.MapOpenApi();
            app.MapJobEndpoints(provider, app.Services.GetRequiredService<IOptions<Actors.CoordinatorSettings>>().Value.Timeouts.GatherWriterMetadata);

            await app.StartAsync(cancellationToken);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            // One line per address on stdout, so scripts (and tests using port 0) learn where the server listens.
            foreach (var address in addresses)
            {
                await console.Out.WriteLineAsync($"coordinator: listening on {address}");
            }
            await console.Out.WriteLineAsync($"coordinator: {provider.Description}, journal {journal.Path}{(token is null ? ", NO AUTHENTICATION (--insecure-no-auth)" : "")}");
            await console.Out.FlushAsync(cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Succeeded;
        }
        finally
        {
            provider.Dispose();
        }
    }
}
