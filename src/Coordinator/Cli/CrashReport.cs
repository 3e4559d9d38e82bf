using System.Globalization;
using Coordinator.Core;

namespace Coordinator.Cli;

/// <summary>
/// The last barrier's record of an exception nothing else handled (a bug): the full exception goes to a file, the
/// terminal gets one line naming it and the file. Never a stack trace on the terminal.
/// </summary>
internal static class CrashReport
{
    /// <summary>Writes the details and returns the file, or null when not even that worked (the line then says so).</summary>
    public static string? Write(Exception exception, string[] args)
    {
        try
        {
            var directory = Path.Combine(Path.GetTempPath(), "coordinator-crashes");
            Directory.CreateDirectory(directory);
            var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture);
            var file = Path.Combine(directory, $"crash-{stamp}-{Environment.ProcessId}.txt");
            File.WriteAllText(file,
                $"coordinator {typeof(CrashReport).Assembly.GetName().Version} crashed at {DateTime.UtcNow:O}{Environment.NewLine}" +
                $"arguments: {string.Join(' ', args.Select(a => TerminalText.Escape(a)))}{Environment.NewLine}{Environment.NewLine}{exception}{Environment.NewLine}");
            return file;
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>The one line: what was thrown (type and message, shortened) and where the details are.</summary>
    public static string Line(Exception exception, string? file)
    {
        var message = exception.Message.ReplaceLineEndings(" ");
        if (message.Length > 200)
        {
            message = message[..197] + "...";
        }
        return $"internal error: {exception.GetType().Name}: {message} (a bug in the coordinator; " +
               (file is null ? "the details could not be written to a file" : $"details in {file}") + ")";
    }
}
