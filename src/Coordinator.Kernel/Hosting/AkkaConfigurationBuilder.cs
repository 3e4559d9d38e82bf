using Coordinator.Kernel.Actor;
using Coordinator.Kernel.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Coordinator.Kernel.Hosting;

/// <summary>
/// Describes the actor system the host runs: its HOCON config and the actors to start (Akka.Hosting's
/// <c>AkkaConfigurationBuilder</c>). Obtained from <see cref="AkkaHostingExtensions.AddAkka(IServiceCollection, string, Action{AkkaConfigurationBuilder, IServiceProvider})"/>.
/// </summary>
public sealed class AkkaConfigurationBuilder
{
    private readonly List<ActorStarterWithResolverAsync> _starters = [];

    /// <summary>A builder for the system <paramref name="actorSystemName"/> of the host whose services are <paramref name="services"/>.</summary>
    public AkkaConfigurationBuilder(IServiceCollection services, string actorSystemName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorSystemName);
        Services = services ?? throw new ArgumentNullException(nameof(services));
        ActorSystemName = actorSystemName;
    }

    /// <summary>The host's service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The name of the actor system.</summary>
    public string ActorSystemName { get; }

    /// <summary>The config the system will be created with, as added so far.</summary>
    public Config Configuration { get; private set; } = Config.Empty;

    /// <summary>Whether actor log events go to Microsoft.Extensions.Logging (default: yes).</summary>
    public bool LoggingBridgeEnabled { get; private set; } = true;

    internal IReadOnlyList<ActorStarterWithResolverAsync> Starters => _starters;

    /// <summary>Adds <paramref name="config"/> as <paramref name="addMode"/> says.</summary>
    public AkkaConfigurationBuilder AddHocon(Config config, HoconAddMode addMode)
    {
        ArgumentNullException.ThrowIfNull(config);
        Configuration = addMode switch
        {
            HoconAddMode.Prepend => config.WithFallback(Configuration),
            HoconAddMode.Append => Configuration.WithFallback(config),
            HoconAddMode.Replace => config,
            _ => throw new ArgumentOutOfRangeException(nameof(addMode), addMode, null),
        };
        return this;
    }

    /// <summary>Parses <paramref name="hocon"/> and adds it.</summary>
    public AkkaConfigurationBuilder AddHocon(string hocon, HoconAddMode addMode) =>
        AddHocon(ConfigurationFactory.ParseString(hocon), addMode);

    /// <summary>Reads the HOCON file at <paramref name="path"/> (now, so a malformed file fails at startup) and adds it.</summary>
    public AkkaConfigurationBuilder AddHoconFile(string path, HoconAddMode addMode = HoconAddMode.Prepend) =>
        AddHocon(ConfigurationFactory.FromFile(path), addMode);

    /// <summary>Sets <c>akka.actor.ask-timeout</c>.</summary>
    public AkkaConfigurationBuilder WithActorAskTimeout(TimeSpan timeout) =>
        AddHocon(
            $"akka.actor.ask-timeout = {(timeout == Timeout.InfiniteTimeSpan ? "infinite" : $"{(long)timeout.TotalMilliseconds}ms")}",
            HoconAddMode.Prepend);

    /// <summary>Turns the Microsoft.Extensions.Logging bridge on or off.</summary>
    public AkkaConfigurationBuilder WithLoggingBridge(bool enabled)
    {
        LoggingBridgeEnabled = enabled;
        return this;
    }

    /// <summary>Starts actors when the host starts; starters run in the order added.</summary>
    public AkkaConfigurationBuilder WithActors(ActorStarter starter)
    {
        ArgumentNullException.ThrowIfNull(starter);
        _starters.Add((system, registry, _) =>
        {
            starter(system, registry);
            return Task.CompletedTask;
        });
        return this;
    }

    /// <inheritdoc cref="WithActors(ActorStarter)"/>
    public AkkaConfigurationBuilder WithActors(ActorStarterWithResolver starter)
    {
        ArgumentNullException.ThrowIfNull(starter);
        _starters.Add((system, registry, resolver) =>
        {
            starter(system, registry, resolver);
            return Task.CompletedTask;
        });
        return this;
    }

    /// <inheritdoc cref="WithActors(ActorStarter)"/>
    public AkkaConfigurationBuilder WithActors(ActorStarterAsync starter)
    {
        ArgumentNullException.ThrowIfNull(starter);
        _starters.Add((system, registry, _) => starter(system, registry));
        return this;
    }

    /// <inheritdoc cref="WithActors(ActorStarter)"/>
    public AkkaConfigurationBuilder WithActors(ActorStarterWithResolverAsync starter)
    {
        ArgumentNullException.ThrowIfNull(starter);
        _starters.Add(starter);
        return this;
    }
}
