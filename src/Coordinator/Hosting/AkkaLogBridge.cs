using Akka.Actor;
using Akka.Dispatch;
using Akka.Event;
using Akka.Hosting.Logging;
using Microsoft.Extensions.Logging;
using AkkaLogLevel = Akka.Event.LogLevel;
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Coordinator.Hosting;

/// <summary>
/// Akka's logger for the coordinator: log events go to <see cref="ILogger"/> under the category of their source (the
/// actor's path, e.g. <c>akka://coordinator/user/jobs/job-1a2b</c>), not all under one category as Akka.Hosting's
/// logger does, so a filter can pick one actor. Messages keep their arguments. Unhandled messages are Warnings (a
/// message no actor expects is a bug) and dead letters Information, each named by type, sender and recipient; Akka's
/// own dead-letter logging is turned off (<see cref="Hocon"/>) so each is logged once.
/// </summary>
public sealed class AkkaLogBridge : ActorBase, IRequiresMessageQueue<ILoggerMessageQueueSemantics>
{
    /// <summary>What the bridge needs in the actor system's config.</summary>
    public const string Hocon = """
        akka.log-dead-letters = off
        akka.log-dead-letters-during-shutdown = off
        """;

    private static readonly EventId DeadLetterEvent = new(100, "DeadLetter");
    private static readonly EventId UnhandledEvent = new(101, "UnhandledMessage");

    private readonly ILoggerFactory _loggerFactory;

    public AkkaLogBridge()
    {
        _loggerFactory = Context.System.Settings.Setup.Get<LoggerFactorySetup>().Value?.LoggerFactory
            ?? throw new InvalidOperationException("AkkaLogBridge needs Akka.Hosting's LoggerFactorySetup (AddAkka adds it)");
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case InitializeLogger:
                Context.System.EventStream.Subscribe(Self, typeof(UnhandledMessage));
                Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));
                Sender.Tell(new LoggerInitialized());
                return true;
            case LogEvent e:
                Log(e);
                return true;
            case UnhandledMessage u:
                LoggerFor(u.Recipient.Path.ToString()).Log(MsLogLevel.Warning, UnhandledEvent,
                    "Message {MessageType} from {Sender} to {Recipient} was not handled: {Message}",
                    u.Message.GetType().Name, u.Sender.Path, u.Recipient.Path, u.Message);
                return true;
            case DeadLetter d:
                LoggerFor(d.Recipient.Path.ToString()).Log(MsLogLevel.Information, DeadLetterEvent,
                    "Message {MessageType} from {Sender} to {Recipient} was not delivered: {Message}",
                    d.Message.GetType().Name, d.Sender.Path, d.Recipient.Path, d.Message);
                return true;
            default:
                return false;
        }
    }

    private void Log(LogEvent e)
    {
        var logger = LoggerFor(e.LogSource);
        var level = e.LogLevel() switch
        {
            AkkaLogLevel.DebugLevel => MsLogLevel.Debug,
            AkkaLogLevel.InfoLevel => MsLogLevel.Information,
            AkkaLogLevel.WarningLevel => MsLogLevel.Warning,
            _ => MsLogLevel.Error,
        };
        if (!logger.IsEnabled(level))
        {
            return;
        }
        if (e.Message is LogMessage template)
        {
            try
            {
                // Akka's templates use positional holes ({0}), which ILogger reads as named ones: the arguments stay
                // structured.
                logger.Log(level, e.Cause, template.Format, template.Parameters().ToArray());
                return;
            }
            catch (FormatException)
            {
                // A template whose holes do not match its arguments is still logged, not lost.
            }
        }
        logger.Log(level, e.Cause, "{Message}", e.Message?.ToString());
    }

    /// <summary>The factory keeps one logger per category, so asking per event costs a lookup.</summary>
    private ILogger LoggerFor(string source) => _loggerFactory.CreateLogger(source);
}
