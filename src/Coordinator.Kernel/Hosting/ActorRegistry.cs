using System.Collections;
using System.Runtime.CompilerServices;
using Coordinator.Kernel.Actor;

namespace Coordinator.Kernel.Hosting;

/// <summary>
/// Actors by key type, so DI services can find the actors started by the host (Akka.Hosting's
/// <c>ActorRegistry</c>). Thread-safe. <see cref="GetAsync{TKey}"/> waits for a key that is registered later.
/// </summary>
public sealed class ActorRegistry : IActorRegistry
{
    private static readonly ConditionalWeakTable<ActorSystem, ActorRegistry> _bySystem = new();

    private readonly Dictionary<Type, IActorRef> _actors = [];

    // One waiter per key; every caller waits on it with its own cancellation token.
    private readonly Dictionary<Type, TaskCompletionSource<IActorRef>> _waiters = [];
    private readonly Lock _lock = new();

    /// <summary>The registry of <paramref name="system"/>: the host's one, or a new one on first use.</summary>
    public static ActorRegistry For(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return _bySystem.GetValue(system, static _ => new ActorRegistry());
    }

    /// <summary>Makes <paramref name="registry"/> the one <see cref="For"/> returns for <paramref name="system"/>.</summary>
    internal static void Attach(ActorSystem system, ActorRegistry registry) => _bySystem.AddOrUpdate(system, registry);

    /// <inheritdoc />
    public void Register<TKey>(IActorRef actor, bool overwrite = false)
    {
        if (!TryRegister(typeof(TKey), actor, overwrite))
        {
            throw new DuplicateActorRegistryException(
                $"An actor is already registered under {typeof(TKey).Name}: {Describe(typeof(TKey))}. "
                + "Use a distinct key type, or pass overwrite: true to replace it.");
        }
    }

    /// <inheritdoc />
    public bool TryRegister<TKey>(IActorRef actor, bool overwrite = false) => TryRegister(typeof(TKey), actor, overwrite);

    /// <inheritdoc />
    public bool TryRegister(Type key, IActorRef actor, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(actor);
        TaskCompletionSource<IActorRef>? waiter;
        lock (_lock)
        {
            if (!overwrite && _actors.ContainsKey(key))
            {
                return false;
            }

            _actors[key] = actor;
            _waiters.Remove(key, out waiter);
        }

        // Completed outside the lock; RunContinuationsAsynchronously keeps waiters off this thread anyway.
        waiter?.TrySetResult(actor);
        return true;
    }

    /// <inheritdoc />
    public IActorRef Get<TKey>() =>
        TryGet(typeof(TKey), out var actor)
            ? actor
            : throw new MissingActorRegistryEntryException(
                $"No actor is registered under {typeof(TKey).Name}. Register it in WithActors(...) before use, "
                + "or use GetAsync / IRequiredActor<T>.GetAsync to wait for it.");

    /// <inheritdoc />
    public bool TryGet<TKey>(out IActorRef actor) => TryGet(typeof(TKey), out actor);

    /// <inheritdoc />
    public bool TryGet(Type key, out IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            return _actors.TryGetValue(key, out actor!);
        }
    }

    /// <inheritdoc />
    public Task<IActorRef> GetAsync<TKey>(CancellationToken cancellationToken = default) =>
        GetAsync(typeof(TKey), cancellationToken);

    /// <inheritdoc />
    public Task<IActorRef> GetAsync(Type key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        TaskCompletionSource<IActorRef> waiter;
        lock (_lock)
        {
            if (_actors.TryGetValue(key, out var actor))
            {
                return Task.FromResult(actor);
            }

            if (!_waiters.TryGetValue(key, out waiter!))
            {
                waiter = new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters[key] = waiter;
            }
        }

        return waiter.Task.WaitAsync(cancellationToken);
    }

    /// <summary>A snapshot of the registrations.</summary>
    public IEnumerator<KeyValuePair<Type, IActorRef>> GetEnumerator()
    {
        lock (_lock)
        {
            return _actors.ToList().GetEnumerator();
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private string Describe(Type key) => TryGet(key, out var actor) ? actor.Path.ToString() : "?";
}
