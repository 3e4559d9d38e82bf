using Coordinator.Core;
using Spectre.Console;

namespace Coordinator.Cli;

/// <summary>
/// Where a command writes: stdout for results (and only the JSON document with --json), stderr for errors and logs.
/// Tests pass StringWriters; the real process passes the console.
/// </summary>
public sealed class CliConsole(TextWriter output, TextWriter error, bool interactive)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>True for a terminal: live progress redraws in place; false (pipes, tests) prints one line per event.</summary>
    public bool Interactive { get; } = interactive;

    private IAnsiConsole? _ansi;

    /// <summary>Spectre.Console over <see cref="Out"/>: colours and live rendering only on a terminal.</summary>
    public IAnsiConsole Ansi => _ansi ??= CreateAnsi();

    private IAnsiConsole CreateAnsi()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = Interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!Interactive)
        {
            // Pipes and logs have no width; 80 columns would wrap GUIDs and device objects mid-word.
            console.Profile.Width = 200;
        }
        return console;
    }

    public static CliConsole System() =>
        new(Console.IsOutputRedirected ? Utf8StandardOutput() : Console.Out, Console.Error, !Console.IsOutputRedirected);

    /// <summary>
    /// JSON (RFC 8259) and scripts reading a pipe expect UTF-8, but on Windows Console.Out encodes with the console's
    /// code page, which turns a writer's non-ASCII name into '?' or a look-alike. The stream is written directly, so
    /// the console's own code page is left alone.
    /// </summary>
    private static TextWriter Utf8StandardOutput() =>
        TextWriter.Synchronized(new StreamWriter(Console.OpenStandardOutput(), new global::System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true });

    /// <summary>
    /// The one line a user mistake or an environment problem gets: no stack trace, newlines flattened, and what the
    /// user typed (echoed in the message) unable to drive the terminal.
    /// </summary>
    public void WriteErrorLine(string message)
    {
        var line = TerminalText.Escape(message.ReplaceLineEndings(" ").Replace('\t', ' ').Trim());
        // A message quoting input (a parser's, a program's) stays a line a terminal can show.
        Error.WriteLine("coordinator: error: " + (line.Length <= MaxErrorLength ? line : line[..(MaxErrorLength - 3)] + "..."));
    }

    private const int MaxErrorLength = 2000;
}
