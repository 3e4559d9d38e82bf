using System.CommandLine;
using System.Text.Json;
using Coordinator.Actors.Jobs;
using Coordinator.Core;
using Coordinator.Jobs;
using Coordinator.Output;
using Coordinator.Recovery;
using Spectre.Console;

namespace Coordinator.Cli;

/// <summary>`coordinator backup`: one job, journaled, with live progress or one JSON document.</summary>
public static class BackupCommand
{
    public static Command Create(CliConsole console, CliDependencies dependencies)
    {
        var job = JobRequestSymbols.Local();
        var common = CommonOptions.ForProviderCommand(journal: true);

        var command = new Command("backup", "Snapshot volumes together, run the action against the snapshots, report to the writers.\n" + ExitCodes.HelpText);
        job.AddTo(command);
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
            await RunAsync(console, dependencies, job.Read(parse), common.Read(parse), cancellationToken));
        return command;
    }

    /// <summary>The option a field of a job is given with, for one-line errors.</summary>
    private static string OptionOf(string field) => field switch
    {
        "volumes" => "<volume>",
        "timeout" => "--timeout",
        "action.program" or "action.workingDirectory" => "--exec",
        "includeWriters" => "--include-writer",
        "excludeWriters" => "--exclude-writer",
        _ => field,
    };

    private static async Task<int> RunAsync(CliConsole console, CliDependencies dependencies, JobRequest request, CommonValues common, CancellationToken cancellationToken)
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
            throw CliException.BadInput($"{OptionOf(first.Field)}: {first.Message}");
        }

        await using var host = CommandHost.Create(dependencies, common.ConfigPath, common.Overrides, common.Verbose);
        using var provider = host.OpenProvider();
        // What the machine says about the job (volumes, writers), checked as the server checks it before queueing.
        if (await JobPreflight.CheckAsync(job, provider, host.Config.Actors) is [var problem, ..])
        {
            if (!common.Json)
            {
                throw CliException.BadInput($"{OptionOf(problem.Field)}: {problem.Message}");
            }
            // --json keeps its promise of one document on stdout for a job refused by the machine, as when the job found it.
            var refused = JsonResultDocument.Failure(jobId, "input", "Validate", problem.Message, provider.Name, job.Persistent);
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(refused, JsonDefaults.Indented));
            return ExitCodes.BadInput;
        }
        var journal = host.OpenJournal();
        // A one-shot backup that crashed earlier left its journaled sets behind: sweep them before taking new ones, so
        // a machine that only ever runs the CLI never accumulates orphans. Jobs of live processes are left alone.
        var recovery = await StartupRecovery.RunAsync(journal, provider, host.Logger);
        if (!common.Json && (recovery.InterruptedJobs.Count > 0 || recovery.DeletedSets.Count > 0))
        {
            console.Ansi.MarkupLine($"Recovered from an earlier crash: {recovery.InterruptedJobs.Count} interrupted job(s) marked failed, " +
                                    $"{recovery.DeletedSets.Count} orphaned snapshot set(s) deleted");
        }
        var coordinator = await host.StartCoordinatorAsync(provider, journal, cancellationToken);
        journal.CreateJob(jobId, "cli", JsonSerializer.Serialize(request, JsonDefaults.Options));
        var executor = new JobExecutor(coordinator, journal, provider, host.Logger);
        JobOutcome outcome;
        if (common.Json)
        {
            outcome = (await executor.ExecuteAsync(job, null, cancellationToken))!;
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(outcome.Document, JsonDefaults.Indented));
        }
        else
        {
            console.Ansi.MarkupLine($"Backup job [bold]{jobId}[/] of {TerminalText.Markup(string.Join(", ", job.Volumes))}" +
                                    $"{(job.Persistent ? " (persistent)" : "")} with the {TerminalText.Markup(provider.Description)}");
            outcome = (await ProgressView.RunAsync(console, onProgress => executor.ExecuteAsync(job, onProgress, cancellationToken)))!;
            if (outcome.Result.Error is { Kind: JobErrorKind.Input } input)
            {
                // A user mistake found by the actors (unknown volume or writer): one line, like the CLI's own checks.
                console.WriteErrorLine(input.Field is { } field ? $"{OptionOf(JobRequestValidator.FieldName(field))}: {input.Message}" : input.Message);
            }
            else
            {
                HumanRenderer.RenderResult(console.Ansi, outcome.Document);
            }
        }
        return JobExitCode.For(outcome.Result);
    }
}
