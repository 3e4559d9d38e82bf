using System.ComponentModel;
using System.Diagnostics;
using Coordinator.Actors.Jobs;

namespace Coordinator.Actors.Actions;

/// <summary>
/// Runs an <see cref="ExternalProgramAction"/>: no shell, arguments as a list (nothing is spliced into a command
/// line, so a volume name or path can never become a second command), the mapping in the environment and in a
/// JSON file. Cancellation kills the whole process tree. The program path was resolved when the job was validated.
/// </summary>
internal static class ExternalProgramRunner
{
    private const int StderrTailLines = 20;

    public static async Task RunAsync(ExternalProgramAction action, SnapshotMapping mapping, CancellationToken cancellationToken)
    {
        // The job resolved the program when it was validated (BackupJob.Create).
        var program = action.Program;
        var mappingFile = Path.Combine(Path.GetTempPath(), $"coordinator-snapshots-{mapping.SnapshotSetId:N}.json");
        await File.WriteAllTextAsync(mappingFile, SnapshotEnvironment.ToJson(mapping), cancellationToken).ConfigureAwait(false);
        try
        {
            await RunProcessAsync(program, action, mapping, mappingFile, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(mappingFile);
        }
    }

    private static async Task RunProcessAsync(string program, ExternalProgramAction action, SnapshotMapping mapping, string mappingFile, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = false,
            WorkingDirectory = action.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in action.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in SnapshotEnvironment.Variables(mapping, mappingFile))
        {
            startInfo.Environment[name] = value;
        }

        using var process = new Process { StartInfo = startInfo };
        var stderrTail = new Queue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (stderrTail)
            {
                stderrTail.Enqueue(e.Data);
                while (stderrTail.Count > StderrTailLines)
                {
                    stderrTail.Dequeue();
                }
            }
        };
        // stdout is drained so a chatty program never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new BackupActionFailedException($"backup action '{action.Program}' could not be started: {ex.Message}", null, null, ex);
        }
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        // WaitForExitAsync returns once the streams are drained, so the tail is complete here.
        if (process.ExitCode != 0)
        {
            string tail;
            lock (stderrTail)
            {
                tail = string.Join('\n', stderrTail);
            }
            var message = $"backup action '{action.Program}' exited with code {process.ExitCode}" + (tail.Length > 0 ? $": {tail}" : "");
            throw new BackupActionFailedException(message, process.ExitCode, tail);
        }
    }
}
