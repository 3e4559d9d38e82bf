using Coordinator.Kernel.Actor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Coordinator.Kernel.Hosting;

/// <summary>Registers an actor system with a .NET host, in the style of Akka.Hosting.</summary>
public static class AkkaHostingExtensions
{
    /// <summary>
    /// Runs an actor system named <paramref name="actorSystemName"/> with the host. <paramref name="configure"/>
    /// is called once, when the system is first needed (host start or the first resolution of
    /// <see cref="ActorSystem"/>), with the built service provider; services added to the builder's
    /// <see cref="AkkaConfigurationBuilder.Services"/> inside it are too late to be used.
    /// Registers <see cref="ActorSystem"/>, <see cref="ActorRegistry"/> (also as <see cref="IActorRegistry"/> and
    /// <see cref="IReadOnlyActorRegistry"/>), <see cref="IRequiredActor{TKey}"/> and the hosted service.
    /// </summary>
    public static IServiceCollection AddAkka(
        this IServiceCollection services,
        string actorSystemName,
        Action<AkkaConfigurationBuilder, IServiceProvider> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorSystemName);
        ArgumentNullException.ThrowIfNull(configure);
        if (services.Any(d => d.ServiceType == typeof(AkkaHostingState)))
        {
            throw new InvalidOperationException("AddAkka was already called; one host runs one actor system.");
        }

        var builder = new AkkaConfigurationBuilder(services, actorSystemName);
        services.AddSingleton(sp => new AkkaHostingState(builder, configure, sp));
        services.AddSingleton<ActorRegistry>();
        services.AddSingleton<IActorRegistry>(sp => sp.GetRequiredService<ActorRegistry>());
        services.AddSingleton<IReadOnlyActorRegistry>(sp => sp.GetRequiredService<ActorRegistry>());
        services.TryAddSingleton(typeof(IRequiredActor<>), typeof(RequiredActor<>));
        services.AddSingleton(sp => sp.GetRequiredService<AkkaHostingState>().GetOrCreateSystem());
        services.AddSingleton<AkkaHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<AkkaHostedService>());
        return services;
    }

    /// <inheritdoc cref="AddAkka(IServiceCollection, string, Action{AkkaConfigurationBuilder, IServiceProvider})"/>
    public static IServiceCollection AddAkka(
        this IServiceCollection services,
        string actorSystemName,
        Action<AkkaConfigurationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddAkka(actorSystemName, (builder, _) => configure(builder));
    }
}
