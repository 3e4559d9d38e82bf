using Coordinator.Kernel.Actor;

namespace Coordinator.Kernel.Hosting;

/// <summary>Read access to the actors registered by key type (Akka.Hosting's <c>IReadOnlyActorRegistry</c>).</summary>
public interface IReadOnlyActorRegistry : IEnumerable<KeyValuePair<Type, IActorRef>>
{
    /// <summary>The actor registered under <typeparamref name="TKey"/>.</summary>
    /// <exception cref="MissingActorRegistryEntryException">Nothing is registered under the key.</exception>
    IActorRef Get<TKey>();

    /// <summary>The actor registered under <typeparamref name="TKey"/>, if any.</summary>
    bool TryGet<TKey>(out IActorRef actor);

    /// <summary>The actor registered under <paramref name="key"/>, if any.</summary>
    bool TryGet(Type key, out IActorRef actor);

    /// <summary>The actor registered under <typeparamref name="TKey"/>, waiting until it is registered.</summary>
    Task<IActorRef> GetAsync<TKey>(CancellationToken cancellationToken = default);

    /// <summary>The actor registered under <paramref name="key"/>, waiting until it is registered.</summary>
    Task<IActorRef> GetAsync(Type key, CancellationToken cancellationToken = default);
}

/// <summary>A map from key types to actors, shared through DI (Akka.Hosting's <c>IActorRegistry</c>).</summary>
public interface IActorRegistry : IReadOnlyActorRegistry
{
    /// <summary>Registers <paramref name="actor"/> under <typeparamref name="TKey"/>.</summary>
    /// <exception cref="DuplicateActorRegistryException">The key is taken and <paramref name="overwrite"/> is false.</exception>
    void Register<TKey>(IActorRef actor, bool overwrite = false);

    /// <summary>Registers <paramref name="actor"/> under <typeparamref name="TKey"/>; false when the key is taken.</summary>
    bool TryRegister<TKey>(IActorRef actor, bool overwrite = false);

    /// <summary>Registers <paramref name="actor"/> under <paramref name="key"/>; false when the key is taken.</summary>
    bool TryRegister(Type key, IActorRef actor, bool overwrite = false);
}
