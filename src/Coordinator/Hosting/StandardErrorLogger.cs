using Akka.Event;

namespace Coordinator.Hosting;

/// <summary>
/// Akka's logger of last resort (<c>akka.stdout-logger-class</c>), writing to stderr. Akka attaches it before the
/// configured loggers start and again while the system shuts down (a CLR-exit shutdown, say), and its own
/// StandardOutLogger writes to stdout, where `backup --json` promises exactly one JSON document and nothing else.
/// </summary>
public sealed class StandardErrorLogger : MinimalLogger
{
    /// <summary>The setting that makes Akka use this logger, as the code's fallback for the shipped config file.</summary>
    internal const string Hocon = "akka.stdout-logger-class = \"Coordinator.Hosting.StandardErrorLogger, coordinator\"";

    private readonly TextWriter? _writer;

    /// <summary>What Akka creates (by type name, without arguments): writes to the process's stderr.</summary>
    public StandardErrorLogger()
    {
    }

    internal StandardErrorLogger(TextWriter writer) => _writer = writer;

    protected override void Log(object message)
    {
        var line = message is LogEvent e ? $"[{e.LogLevel().ToString().Replace("Level", "", StringComparison.Ordinal).ToUpperInvariant()}] {e.LogSource}: {e}" : message.ToString();
        (_writer ?? Console.Error).WriteLine(line);
    }
}
