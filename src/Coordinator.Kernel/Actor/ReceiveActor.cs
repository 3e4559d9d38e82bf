namespace Coordinator.Kernel.Actor;

/// <summary>
/// An actor whose behaviour is a list of typed handlers, registered in the constructor or in
/// <see cref="Become(Action)"/>; the first handler that matches wins.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private List<Handler> _handlers = new();
    private List<Handler>? _configuring;

    private List<Handler> Target => _configuring ?? _handlers;

    /// <summary>Handles messages of type <typeparamref name="T"/> (that satisfy <paramref name="shouldHandle"/>).</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null) =>
        Target.Add(new ActionHandler<T>(handler, shouldHandle));

    /// <summary>Handles messages of type <typeparamref name="T"/> that satisfy <paramref name="shouldHandle"/>.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler) =>
        Target.Add(new ActionHandler<T>(handler, shouldHandle));

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="handler"/> returns true.</summary>
    protected void Receive<T>(Func<T, bool> handler) => Target.Add(new FuncHandler<T>(handler));

    /// <summary>
    /// Handles messages of type <typeparamref name="T"/> asynchronously: no other user message is processed until the
    /// returned task completes; awaits resume on this actor's turn; faults go to the supervisor.
    /// </summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null) =>
        Target.Add(new ActionHandler<T>(m => Cell.RunAsync(() => handler(m)), shouldHandle));

    /// <summary>Async handler with the predicate first.</summary>
    protected void ReceiveAsync<T>(Predicate<T> shouldHandle, Func<T, Task> handler) => ReceiveAsync(handler, shouldHandle);

    /// <summary>Handles any message.</summary>
    protected void ReceiveAny(Action<object> handler) => Target.Add(new ActionHandler<object>(handler, null));

    /// <summary>Handles any message asynchronously.</summary>
    protected void ReceiveAnyAsync(Func<object, Task> handler) => ReceiveAsync(handler);

    /// <summary>Replaces all handlers with those registered by <paramref name="configure"/>.</summary>
    protected void Become(Action configure)
    {
        var handlers = new List<Handler>();
        _configuring = handlers;
        try
        {
            configure();
        }
        finally
        {
            _configuring = null;
        }

        _handlers = handlers;
    }

    /// <inheritdoc />
    protected sealed override bool Receive(object message)
    {
        // Indexing instead of foreach: no enumerator, and a Become inside a handler swaps the list safely.
        var handlers = _handlers;
        for (var i = 0; i < handlers.Count; i++)
        {
            if (handlers[i].TryHandle(message))
            {
                return true;
            }
        }

        return false;
    }

    private abstract class Handler
    {
        public abstract bool TryHandle(object message);
    }

    private sealed class ActionHandler<T>(Action<T> handler, Predicate<T>? shouldHandle) : Handler
    {
        public override bool TryHandle(object message)
        {
            if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
            {
                handler(typed);
                return true;
            }

            return false;
        }
    }

    private sealed class FuncHandler<T>(Func<T, bool> handler) : Handler
    {
        public override bool TryHandle(object message) => message is T typed && handler(typed);
    }
}
