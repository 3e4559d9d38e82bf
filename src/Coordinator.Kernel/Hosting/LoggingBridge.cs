using Coordinator.Kernel.Actor;
using Coordinator.Kernel.Event;
using Microsoft.Extensions.Logging;

namespace Coordinator.Kernel.Hosting;

/// <summary>Connects an actor system's event stream to Microsoft.Extensions.Logging.</summary>
public static class LoggingBridge
{
    /// <summary>The bridge actor's name (under <c>/system</c>).</summary>
    public const string ActorName = "logger-factory-bridge";

    /// <summary>
    /// Starts a <see cref="LoggerFactoryLogger"/> and subscribes it to log events, dead letters and unhandled
    /// messages. Events published before this call are not forwarded.
    /// </summary>
    public static IActorRef Install(ActorSystem system, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        // Under /system, which stops after /user: errors from user actors' PostStop still reach the logger.
        var bridge = system.SystemGuardian.AttachChild(Props.Create(() => new LoggerFactoryLogger(loggerFactory)), ActorName);
        system.EventStream.Subscribe(bridge, typeof(LogEvent));
        system.EventStream.Subscribe(bridge, typeof(DeadLetter));
        system.EventStream.Subscribe(bridge, typeof(UnhandledMessage));
        return bridge;
    }
}
