using Coordinator.Actors;
using Coordinator.Cli;
using Coordinator.Kernel.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Coordinator.Hosting;

/// <summary>The registrations every command and the server share.</summary>
public static class CoordinatorServices
{
    public static IServiceCollection AddCoordinatorCore(this IServiceCollection services, IConfiguration configuration, CliDependencies dependencies)
    {
        // HOCON-aware binding: kebab-case keys (max-concurrent-jobs) and durations (90s) bind like PascalCase/TimeSpan.
        services.ConfigureHocon<CoordinatorOptions>(configuration.GetSection(CoordinatorOptions.Section));
        services.ConfigureHocon<CoordinatorSettings>(configuration.GetSection(CoordinatorOptions.Section));
        // The file nests the session and gate settings (coordinator.session.timeouts, coordinator.session.dispatcher,
        // coordinator.gate.dispatcher) where CoordinatorSettings has them flat (Timeouts, SessionDispatcher, GateDispatcher).
        services.PostConfigure<CoordinatorSettings>(settings =>
        {
            var coordinator = configuration.GetSection(CoordinatorOptions.Section);
            var session = coordinator.GetSection("session");
            session.GetSection("timeouts").BindHocon(settings.Timeouts);
            if (session["dispatcher"] is { Length: > 0 } dispatcher)
            {
                settings.SessionDispatcher = dispatcher;
            }
            if (coordinator.GetSection("gate")["dispatcher"] is { Length: > 0 } gateDispatcher)
            {
                settings.GateDispatcher = gateDispatcher;
            }
        });
        services.AddSingleton(dependencies.ProviderSource);
        services.AddSingleton(dependencies.CoordinatorFactory);
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
