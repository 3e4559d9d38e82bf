using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Coordinator.Hosting;

/// <summary>Logging of every command and the server: one line per entry, all on stderr (stdout is the command's own: --json must be alone there).</summary>
public static class CoordinatorLogging
{
    public static ILoggingBuilder AddCoordinatorConsole(this ILoggingBuilder logging, LogLevel minimum)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o => o.SingleLine = true);
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(minimum);
        return logging;
    }
}
