using Coordinator.Kernel.Dispatch;

namespace Coordinator.Kernel.Actor;

/// <summary>
/// An immutable recipe for creating an actor. The factory is invoked again on every restart, so it must
/// return a fresh instance each time.
/// </summary>
public sealed class Props
{
    private readonly Func<ActorBase> _factory;

    private Props(Type type, Func<ActorBase> factory, string dispatcher, SupervisorStrategy? supervisorStrategy)
    {
        Type = type;
        _factory = factory;
        Dispatcher = dispatcher;
        SupervisorStrategy = supervisorStrategy;
    }

    /// <summary>The actor type.</summary>
    public Type Type { get; }

    /// <summary>The dispatcher id (default: <see cref="Dispatchers.DefaultDispatcherId"/>).</summary>
    public string Dispatcher { get; }

    /// <summary>Strategy for the actor's children, overriding the actor's own <c>SupervisorStrategy()</c>.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>Props for an actor built by <paramref name="factory"/>.</summary>
    public static Props Create<TActor>(Func<TActor> factory, SupervisorStrategy? supervisorStrategy = null)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(TActor), factory, Dispatchers.DefaultDispatcherId, supervisorStrategy);
    }

    /// <summary>Props for an actor with a parameterless constructor.</summary>
    public static Props Create<TActor>(SupervisorStrategy? supervisorStrategy = null)
        where TActor : ActorBase, new() =>
        new(typeof(TActor), static () => new TActor(), Dispatchers.DefaultDispatcherId, supervisorStrategy);

    /// <summary>A copy running on the dispatcher <paramref name="dispatcherId"/> (full or short id).</summary>
    public Props WithDispatcher(string dispatcherId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dispatcherId);
        return new Props(Type, _factory, dispatcherId, SupervisorStrategy);
    }

    /// <summary>A copy whose children are supervised by <paramref name="strategy"/>.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy) => new(Type, _factory, Dispatcher, strategy);

    internal ActorBase NewActor() => _factory();

    /// <inheritdoc />
    public override string ToString() => $"Props({Type.Name}, dispatcher={Dispatcher})";
}
