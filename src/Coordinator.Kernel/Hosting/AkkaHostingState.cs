using Coordinator.Kernel.Actor;
using Microsoft.Extensions.DependencyInjection;

namespace Coordinator.Kernel.Hosting;

/// <summary>
/// The one actor system of the host, created on first need from the user's builder delegate, so that both the
/// hosted service and any DI consumer of <see cref="ActorSystem"/> get the same instance.
/// </summary>
internal sealed class AkkaHostingState
{
    private readonly Lazy<(ActorSystem System, AkkaConfigurationBuilder Builder)> _created;

    public AkkaHostingState(
        AkkaConfigurationBuilder builder,
        Action<AkkaConfigurationBuilder, IServiceProvider> configure,
        IServiceProvider services)
    {
        _created = new Lazy<(ActorSystem, AkkaConfigurationBuilder)>(
            () =>
            {
                configure(builder, services);
                var system = ActorSystem.Create(builder.ActorSystemName, builder.Configuration);
                ActorRegistry.Attach(system, services.GetRequiredService<ActorRegistry>());
                return (system, builder);
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public bool IsCreated => _created.IsValueCreated;

    public AkkaConfigurationBuilder Builder => _created.Value.Builder;

    public ActorSystem GetOrCreateSystem() => _created.Value.System;
}
