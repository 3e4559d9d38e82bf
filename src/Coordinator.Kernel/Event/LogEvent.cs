using System.Globalization;
using System.Text;

namespace Coordinator.Kernel.Event;

/// <summary>Log levels, lowest first.</summary>
public enum LogLevel
{
    /// <summary>Debug.</summary>
    DebugLevel,

    /// <summary>Info.</summary>
    InfoLevel,

    /// <summary>Warning.</summary>
    WarningLevel,

    /// <summary>Error.</summary>
    ErrorLevel,
}

/// <summary>A log event published on the <see cref="EventStream"/>.</summary>
public abstract class LogEvent
{
    /// <summary>Creates the event.</summary>
    protected LogEvent(string logSource, Type logClass, object message)
    {
        LogSource = logSource;
        LogClass = logClass;
        Message = message;
        Timestamp = DateTime.UtcNow;
        ThreadId = Environment.CurrentManagedThreadId;
    }

    /// <summary>Where it was logged (usually an actor path).</summary>
    public string LogSource { get; }

    /// <summary>The logging class.</summary>
    public Type LogClass { get; }

    /// <summary>The message (a string or a <see cref="LogMessage"/>).</summary>
    public object Message { get; }

    /// <summary>An exception, if any.</summary>
    public Exception? Cause { get; init; }

    /// <summary>When it was logged (UTC).</summary>
    public DateTime Timestamp { get; }

    /// <summary>The managed thread that logged it.</summary>
    public int ThreadId { get; }

    /// <summary>The level.</summary>
    public abstract LogLevel LogLevel();

    /// <inheritdoc />
    public override string ToString() =>
        $"[{LogLevel()}][{Timestamp:O}][Thread {ThreadId}][{LogSource}] {Message}{(Cause is null ? string.Empty : Environment.NewLine + Cause)}";
}

/// <summary>Debug event.</summary>
public sealed class Debug(string logSource, Type logClass, object message) : LogEvent(logSource, logClass, message)
{
    /// <inheritdoc />
    public override LogLevel LogLevel() => Event.LogLevel.DebugLevel;
}

/// <summary>Info event.</summary>
public sealed class Info(string logSource, Type logClass, object message) : LogEvent(logSource, logClass, message)
{
    /// <inheritdoc />
    public override LogLevel LogLevel() => Event.LogLevel.InfoLevel;
}

/// <summary>Warning event.</summary>
public sealed class Warning(string logSource, Type logClass, object message) : LogEvent(logSource, logClass, message)
{
    /// <inheritdoc />
    public override LogLevel LogLevel() => Event.LogLevel.WarningLevel;
}

/// <summary>Error event; <see cref="LogEvent.Cause"/> holds the exception.</summary>
public sealed class Error : LogEvent
{
    /// <summary>Creates the event.</summary>
    public Error(Exception? cause, string logSource, Type logClass, object message)
        : base(logSource, logClass, message)
    {
        Cause = cause;
    }

    /// <inheritdoc />
    public override LogLevel LogLevel() => Event.LogLevel.ErrorLevel;
}

/// <summary>
/// A message template with arguments, formatted lazily. Holes are either positional (<c>{0}</c>) or named
/// (<c>{Volume}</c>, taken in order), so the same template can feed Microsoft.Extensions.Logging.
/// </summary>
public sealed class LogMessage
{
    /// <summary>Creates the message.</summary>
    public LogMessage(string format, object?[] args)
    {
        Format = format;
        Args = args;
    }

    /// <summary>The template.</summary>
    public string Format { get; }

    /// <summary>The arguments.</summary>
    public object?[] Args { get; }

    /// <inheritdoc />
    public override string ToString()
    {
        if (Args.Length == 0)
        {
            return Format;
        }

        var sb = new StringBuilder();
        var next = 0;
        for (var i = 0; i < Format.Length; i++)
        {
            var c = Format[i];
            if (c == '{' && i + 1 < Format.Length && Format[i + 1] == '{')
            {
                sb.Append('{');
                i++;
                continue;
            }

            if (c == '}' && i + 1 < Format.Length && Format[i + 1] == '}')
            {
                sb.Append('}');
                i++;
                continue;
            }

            var close = c == '{' ? Format.IndexOf('}', i + 1) : -1;
            if (close < 0)
            {
                sb.Append(c);
                continue;
            }

            var hole = Format.AsSpan(i + 1, close - i - 1);
            var colon = hole.IndexOf(':');
            var name = colon >= 0 ? hole[..colon] : hole;
            var index = int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : next++;
            sb.Append(index < Args.Length ? Convert.ToString(Args[index], CultureInfo.InvariantCulture) : "{" + hole.ToString() + "}");
            i = close;
        }

        return sb.ToString();
    }
}
