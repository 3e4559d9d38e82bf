using Coordinator.Actors;
using Coordinator.Cli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Coordinator.Hosting;

/// <summary>The registrations every command and the server share.</summary>
public static class CoordinatorServices
{
    public static IServiceCollection AddCoordinatorCore(this IServiceCollection services, IConfiguration configuration, CliDependencies dependencies)
    {
        services.Configure<CoordinatorOptions>(configuration.GetSection(CoordinatorOptions.Section));
        services.Configure<CoordinatorSettings>(configuration.GetSection(CoordinatorOptions.Section));
        services.AddSingleton(dependencies.ProviderSource);
        services.AddSingleton(dependencies.CoordinatorFactory);
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
