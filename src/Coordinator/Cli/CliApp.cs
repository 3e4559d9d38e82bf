using System.CommandLine;
using System.CommandLine.Help;
using Coordinator.Core;

namespace Coordinator.Cli;

/// <summary>
/// The command tree and the one place user-facing failures become exit codes: parse errors and CliExceptions print a
/// single line on stderr; nothing a user can cause prints a stack trace. Any other exception is a bug: one line, exit
/// <see cref="ExitCodes.InternalError"/>, the details in a crash file (<see cref="CrashReport"/>).
/// </summary>
public sealed class CliApp(CliConsole console, CliDependencies? dependencies = null)
{
    private readonly CliDependencies _dependencies = dependencies ?? CliDependencies.Default;

    public RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "Coordinator: consistent multi-volume snapshots with the Windows Volume Shadow Copy Service (VSS) " +
            "(the simulated VSS provider where VSS is absent), as a one-shot CLI and as a backup server.\n" + ExitCodes.HelpText)
        {
            BackupCommand.Create(console, _dependencies),
            WritersCommand.Create(console, _dependencies),
            SnapshotsCommand.Create(console, _dependencies),
            ServeCommand.Create(console, _dependencies),
            JobsCommand.Create(console),
        };
        return root;
    }

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        ParseResult parse;
        try
        {
            parse = BuildRoot().Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException)
        {
            // An argument starting with '@' names a response file, read while parsing: one that cannot be read is a usage error.
            console.WriteErrorLine($"an argument starting with '@' names a response file that cannot be read ({ex.Message})");
            return ExitCodes.BadInput;
        }
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            // The command path for the hint, e.g. "coordinator snapshots delete" (the root is named after the host process).
            var names = new List<string>();
            for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            {
                names.Insert(0, result.Parent is null ? "coordinator" : result.Command.Name);
            }
            var command = string.Join(' ', names);
            // "Unrecognized command or argument" says more than the "required command" error it comes with.
            var error = parse.Errors.FirstOrDefault(e => e.Message.Contains("Unrecognized", StringComparison.OrdinalIgnoreCase)) ?? parse.Errors[0];
            console.WriteErrorLine($"{error.Message} (see '{command} --help')");
            return ExitCodes.BadInput;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                // We own exceptions (one line, right exit code) and signals (cancel the job, clean up, then exit 130).
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            }, cancellationToken);
        }
        catch (CliException ex)
        {
            console.WriteErrorLine(ex.Message);
            return ex.ExitCode;
        }
        catch (CoordinatorException ex)
        {
            // Core errors name the setting they are about; on the command line that is the option of the same name.
            console.WriteErrorLine(ex.Setting is null ? ex.Message : $"--{ex.Setting}: {ex.Message}");
            return JobExitCode.For(ex.Kind);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.WriteErrorLine("cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Akka.Configuration.ConfigurationException ex)
        {
            // A setting Akka refused where no command checked it first (the server's actor system): still the user's config.
            console.WriteErrorLine($"configuration: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception ex)
        {
            // The last barrier: whatever else escaped is a bug. One line and its own exit code, the details in a file.
            console.WriteErrorLine(CrashReport.Line(ex, CrashReport.Write(ex, args)));
            return ExitCodes.InternalError;
        }
    }
}
