using Coordinator.Kernel.Actor;
using Microsoft.Extensions.DependencyInjection;

namespace Coordinator.Kernel.Hosting;

/// <summary>Creates actors whose constructors take DI services (the part of Akka.DependencyInjection we need).</summary>
public interface IDependencyResolver
{
    /// <summary>The host's services.</summary>
    IServiceProvider Services { get; }

    /// <summary>
    /// Props whose factory builds <typeparamref name="TActor"/> from DI services plus <paramref name="args"/>,
    /// again on every restart.
    /// </summary>
    Props Props<TActor>(params object[] args)
        where TActor : ActorBase;
}

/// <summary>Default <see cref="IDependencyResolver"/> over an <see cref="IServiceProvider"/>.</summary>
public sealed class DependencyResolver : IDependencyResolver
{
    /// <summary>Resolves from <paramref name="services"/>.</summary>
    public DependencyResolver(IServiceProvider services)
    {
        Services = services ?? throw new ArgumentNullException(nameof(services));
    }

    /// <inheritdoc />
    public IServiceProvider Services { get; }

    /// <inheritdoc />
    public Props Props<TActor>(params object[] args)
        where TActor : ActorBase
    {
        // The factory runs on every restart, so each incarnation gets fresh transient dependencies.
        var factory = ActivatorUtilities.CreateFactory(typeof(TActor), [.. args.Select(a => a.GetType())]);
        return Actor.Props.Create(() => (TActor)factory(Services, args));
    }
}
