using Coordinator.Kernel.Actor;
using Coordinator.Kernel.Event;
using Microsoft.Extensions.Logging;
using KernelLogLevel = Coordinator.Kernel.Event.LogLevel;
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Coordinator.Kernel.Hosting;

/// <summary>
/// Forwards event-stream events to <see cref="ILogger"/> (Akka.Hosting's <c>LoggerFactoryLogger</c>). The category is
/// the event's log source (usually the actor path). Message templates keep their named holes, so structured
/// logging sees the arguments. Dead letters log at Information, unhandled messages at Warning.
/// </summary>
public sealed class LoggerFactoryLogger : ReceiveActor
{
    private static readonly EventId _deadLetterEvent = new(100, "DeadLetter");
    private static readonly EventId _unhandledEvent = new(101, "UnhandledMessage");

    private readonly ILoggerFactory _loggerFactory;
    private readonly Dictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    /// <summary>Logs through <paramref name="loggerFactory"/>.</summary>
    public LoggerFactoryLogger(ILoggerFactory loggerFactory)
    {
        _loggerFactory = loggerFactory;
        Receive<LogEvent>(OnLogEvent);
        Receive<DeadLetter>(OnDeadLetter);
        Receive<UnhandledMessage>(OnUnhandled);
    }

    private void OnLogEvent(LogEvent e)
    {
        var logger = LoggerFor(e.LogSource);
        var level = ToLogLevel(e.LogLevel());
        if (!logger.IsEnabled(level))
        {
            return;
        }

        if (e.Message is LogMessage template)
        {
            try
            {
                logger.Log(level, e.Cause, template.Format, template.Args);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                // A template whose holes do not match its arguments must still be logged, not lost.
                logger.Log(level, e.Cause, "{Message}", template.ToString());
            }
        }
        else
        {
            logger.Log(level, e.Cause, "{Message}", e.Message);
        }
    }

    private void OnDeadLetter(DeadLetter d) =>
        LoggerFor(d.Recipient.Path.ToString()).Log(
            MsLogLevel.Information,
            _deadLetterEvent,
            "Message {MessageType} from {Sender} to {Recipient} was not delivered: {DeadMessage}",
            d.Message.GetType().Name,
            d.Sender.Path,
            d.Recipient.Path,
            d.Message);

    private void OnUnhandled(UnhandledMessage u) =>
        LoggerFor(u.Recipient.Path.ToString()).Log(
            MsLogLevel.Warning,
            _unhandledEvent,
            "Message {MessageType} from {Sender} to {Recipient} was not handled: {UnhandledMessage}",
            u.Message.GetType().Name,
            u.Sender.Path,
            u.Recipient.Path,
            u.Message);

    private ILogger LoggerFor(string source)
    {
        if (!_loggers.TryGetValue(source, out var logger))
        {
            logger = _loggerFactory.CreateLogger(source);
            _loggers[source] = logger;
        }

        return logger;
    }

    private static MsLogLevel ToLogLevel(KernelLogLevel level) => level switch
    {
        KernelLogLevel.DebugLevel => MsLogLevel.Debug,
        KernelLogLevel.InfoLevel => MsLogLevel.Information,
        KernelLogLevel.WarningLevel => MsLogLevel.Warning,
        _ => MsLogLevel.Error,
    };
}
