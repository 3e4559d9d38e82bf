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
        var stderrTail = new StderrTail();
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new BackupActionFailedException($"backup action '{action.Program}' could not be started: {ex.Message}", null, null, ex);
        }
        // Read as bytes, not lines (Process's line reader would hold a 20 MB line whole): stderr into the bounded tail,
        // stdout drained and dropped so a chatty program never blocks on a full pipe.
        var streams = Task.WhenAll(
            Task.Run(() => Drain(process.StandardError.BaseStream, stderrTail), CancellationToken.None),
            Task.Run(() => Drain(process.StandardOutput.BaseStream, null), CancellationToken.None));
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            // The pipes end when the last process holding them does: the tail is complete after this.
            await streams.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            // The readers end with the killed tree's pipes; nothing waits for them, so their end is observed here.
            _ = streams.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        if (process.ExitCode != 0)
        {
            var tail = stderrTail.ToString();
            var message = $"backup action '{action.Program}' exited with code {process.ExitCode}" + (tail.Length > 0 ? $": {tail}" : "");
            throw new BackupActionFailedException(message, process.ExitCode, tail);
        }
    }

    private static async Task Drain(Stream stream, StderrTail? tail)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            tail?.Append(buffer.AsSpan(0, read));
        }
        tail?.Complete();
    }
}
