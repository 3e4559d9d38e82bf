using Coordinator.Kernel.Actor;

namespace Coordinator.Kernel.Hosting;

/// <summary>
/// An actor that a DI service needs, found in the <see cref="ActorRegistry"/> by <typeparamref name="TKey"/>
/// (Akka.Hosting's <c>IRequiredActor&lt;TKey&gt;</c>). Inject it; the actor may be registered after the service is built.
/// </summary>
public interface IRequiredActor<TKey>
{
    /// <summary>The actor; throws <see cref="MissingActorRegistryEntryException"/> if it is not registered yet.</summary>
    IActorRef ActorRef { get; }

    /// <summary>The actor, waiting for its registration.</summary>
    Task<IActorRef> GetAsync(CancellationToken cancellationToken = default);
}

/// <summary>Default <see cref="IRequiredActor{TKey}"/>, registered as an open generic singleton.</summary>
public sealed class RequiredActor<TKey> : IRequiredActor<TKey>
{
    private readonly IReadOnlyActorRegistry _registry;
    private IActorRef? _actor;

    /// <summary>Looks the actor up in <paramref name="registry"/>.</summary>
    public RequiredActor(IReadOnlyActorRegistry registry)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
    }

    /// <inheritdoc />
    public IActorRef ActorRef => _actor ??= _registry.Get<TKey>();

    /// <inheritdoc />
    public async Task<IActorRef> GetAsync(CancellationToken cancellationToken = default) =>
        _actor ??= await _registry.GetAsync<TKey>(cancellationToken).ConfigureAwait(false);
}
