using System.CommandLine;
using System.Text.Json;
using Coordinator.Actors.Jobs;
using Coordinator.Jobs;
using Coordinator.Output;
using Coordinator.Recovery;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Coordinator.Cli;

/// <summary>`coordinator backup`: one job, journaled, with live progress or one JSON document.</summary>
public static class BackupCommand
{
    public static Command Create(CliConsole console, CliDependencies dependencies)
    {
        var job = JobRequestSymbols.Local();
        var provider = CommonOptions.Provider();
        var scenario = CommonOptions.Scenario();
        var json = CommonOptions.Json();
        var config = CommonOptions.Config();
        var journal = CommonOptions.Journal();
        var verbose = CommonOptions.Verbose();

        var command = new Command("backup", "Snapshot volumes together, run the action against the snapshots, report to the writers.\n" + ExitCodes.HelpText);
        job.AddTo(command);
        foreach (var option in new Option[] { provider, scenario, json, config, journal, verbose })
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = job.Read(parse);
            var overrides = new Dictionary<string, string?>();
            AddIfSet(overrides, "coordinator:provider", parse.GetValue(provider));
            AddIfSet(overrides, "coordinator:scenario", parse.GetValue(scenario));
            AddIfSet(overrides, "coordinator:journal", parse.GetValue(journal));
            return await RunAsync(console, dependencies, request, parse.GetValue(config), overrides, parse.GetValue(json), parse.GetValue(verbose), cancellationToken);
        });
        return command;
    }

    internal static void AddIfSet(Dictionary<string, string?> overrides, string key, string? value)
    {
        if (value is not null)
        {
            overrides[key] = value;
        }
    }

    private static readonly Dictionary<string, string> OptionNames = new()
    {
        ["volumes"] = "<volume>",
        ["timeout"] = "--timeout",
        ["action.program"] = "--exec",
        ["action.workingDirectory"] = "--exec",
        ["includeWriters"] = "--include-writer",
        ["excludeWriters"] = "--exclude-writer",
    };

    private static async Task<int> RunAsync(
        CliConsole console, CliDependencies dependencies, JobRequest request, string? configPath,
        Dictionary<string, string?> overrides, bool json, bool verbose, CancellationToken cancellationToken)
    {
        // A mistyped option lands in the volume list (volumes are open-ended): name it as the option it looks like.
        if (request.Volumes?.FirstOrDefault(v => v.StartsWith('-')) is { } stray)
        {
            throw CliException.BadInput($"unknown option '{stray}' (see 'coordinator backup --help')");
        }
        var jobId = BackupJob.NewId();
        // Check the request before touching the provider: a typo costs nothing and says exactly which option is wrong.
        var (job, errors) = JobRequestValidator.Validate(request, jobId);
        if (job is null)
        {
            var first = errors[0];
            throw CliException.BadInput($"{OptionNames.GetValueOrDefault(first.Field, first.Field)}: {first.Message}");
        }

        using var host = CommandHost.Create(dependencies, configPath, overrides, verbose);
        using var provider = host.OpenProvider();
        var journal = host.OpenJournal();
        // A one-shot backup that crashed earlier left its journaled sets behind: sweep them before taking new ones, so
        // a machine that only ever runs the CLI never accumulates orphans. Jobs of live processes are left alone.
        var recovery = await StartupRecovery.RunAsync(journal, provider, host.Logger);
        if (!json && (recovery.InterruptedJobs.Count > 0 || recovery.DeletedSets.Count > 0))
        {
            console.Ansi.MarkupLine($"Recovered from an earlier crash: {recovery.InterruptedJobs.Count} interrupted job(s) marked failed, " +
                                    $"{recovery.DeletedSets.Count} orphaned snapshot set(s) deleted");
        }
        var coordinator = dependencies.CoordinatorFactory.Create(provider, journal,
            new CoordinatorContext(host.ConfigPath, host.Settings, host.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        try
        {
            journal.CreateJob(jobId, "cli", JsonSerializer.Serialize(request, JsonDefaults.Options));
            var executor = new JobExecutor(coordinator, journal, provider, host.Logger);
            JsonResultDocument document;
            if (json)
            {
                document = await executor.ExecuteAsync(job, null, cancellationToken);
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(document with { SubmittedAt = null, StartedAt = null, FinishedAt = null }, JsonDefaults.Indented));
            }
            else
            {
                console.Ansi.MarkupLine($"Backup job [bold]{jobId}[/] of {Markup.Escape(string.Join(", ", job.Volumes))}" +
                                        $"{(job.Persistent ? " (persistent)" : "")} with the {Markup.Escape(provider.Description)}");
                document = await ProgressView.RunAsync(console, onProgress => executor.ExecuteAsync(job, onProgress, cancellationToken));
                if (document.Error?.Kind == "input")
                {
                    // A user mistake found by the actors (unknown volume or writer): one line, like the CLI's own checks.
                    console.WriteErrorLine(document.Error.Message);
                }
                else
                {
                    HumanRenderer.RenderResult(console.Ansi, document);
                }
            }
            return JobExitCode.For(document);
        }
        finally
        {
            await DisposeAsync(coordinator);
        }
    }

    internal static async ValueTask DisposeAsync(object instance)
    {
        switch (instance)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
