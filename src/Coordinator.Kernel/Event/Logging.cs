using Coordinator.Kernel.Actor;

namespace Coordinator.Kernel.Event;

/// <summary>Factory of logging adapters.</summary>
public static class Logging
{
    /// <summary>A logger whose source is the actor's path.</summary>
    public static ILoggingAdapter GetLogger(this IActorContext context) =>
        new BusLogging(context.System, context.Self.Path.ToString(), context.Props.Type);

    /// <summary>A logger with an explicit source.</summary>
    public static ILoggingAdapter GetLogger(ActorSystem system, string logSource, Type? logClass = null) =>
        new BusLogging(system, logSource, logClass ?? typeof(ActorSystem));

    /// <summary>Parses <c>DEBUG</c>, <c>INFO</c>, <c>WARNING</c>, <c>ERROR</c> (any case); <c>OFF</c> gives null.</summary>
    public static LogLevel? LogLevelFor(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "DEBUG" => LogLevel.DebugLevel,
        "INFO" or null or "" => LogLevel.InfoLevel,
        "WARNING" or "WARN" => LogLevel.WarningLevel,
        "ERROR" => LogLevel.ErrorLevel,
        "OFF" => null,
        _ => throw new ArgumentException($"Unknown log level [{text}]", nameof(text)),
    };

    private sealed class BusLogging(ActorSystem system, string logSource, Type logClass) : ILoggingAdapter
    {
        public bool IsEnabled(LogLevel level) => system.IsLogLevelEnabled(level);

        public void Debug(string format, params object?[] args)
        {
            if (IsEnabled(LogLevel.DebugLevel))
            {
                system.EventStream.Publish(new Event.Debug(logSource, logClass, Message(format, args)));
            }
        }

        public void Info(string format, params object?[] args)
        {
            if (IsEnabled(LogLevel.InfoLevel))
            {
                system.EventStream.Publish(new Event.Info(logSource, logClass, Message(format, args)));
            }
        }

        public void Warning(string format, params object?[] args)
        {
            if (IsEnabled(LogLevel.WarningLevel))
            {
                system.EventStream.Publish(new Event.Warning(logSource, logClass, Message(format, args)));
            }
        }

        public void Error(string format, params object?[] args)
        {
            if (IsEnabled(LogLevel.ErrorLevel))
            {
                system.EventStream.Publish(new Event.Error(null, logSource, logClass, Message(format, args)));
            }
        }

        public void Error(Exception cause, string format, params object?[] args)
        {
            if (IsEnabled(LogLevel.ErrorLevel))
            {
                system.EventStream.Publish(new Event.Error(cause, logSource, logClass, Message(format, args)));
            }
        }

        private static object Message(string format, object?[] args) => args.Length == 0 ? format : new LogMessage(format, args);
    }
}
