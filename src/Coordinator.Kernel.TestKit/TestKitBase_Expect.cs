using Coordinator.Kernel.Actor;

namespace Coordinator.Kernel.TestKit;

public abstract partial class TestKitBase
{
    /// <summary>Expects a message of type <typeparamref name="T"/> within the timeout (default 3 s, dilated).</summary>
    public T ExpectMsg<T>(TimeSpan? duration = null, string? hint = null) =>
        ExpectMsgAsync<T>(duration, hint).AsTask().GetAwaiter().GetResult();

    /// <summary>Expects a message equal to <paramref name="message"/>.</summary>
    public T ExpectMsg<T>(T message, TimeSpan? timeout = null, string? hint = null) =>
        ExpectMsgAsync(message, timeout, hint).AsTask().GetAwaiter().GetResult();

    /// <summary>Expects a message of type <typeparamref name="T"/> satisfying <paramref name="isMessage"/>.</summary>
    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null) =>
        ExpectMsgAsync(isMessage, timeout, hint).AsTask().GetAwaiter().GetResult();

    /// <summary>Expects a message of type <typeparamref name="T"/> and runs <paramref name="assert"/> on it.</summary>
    public T ExpectMsg<T>(Action<T> assert, TimeSpan? timeout = null, string? hint = null) =>
        ExpectMsgAsync(assert, timeout, hint).AsTask().GetAwaiter().GetResult();

    /// <summary>Expects a message of type <typeparamref name="T"/> from <paramref name="sender"/>.</summary>
    public T ExpectMsgFrom<T>(IActorRef sender, TimeSpan? timeout = null, string? hint = null) =>
        ExpectMsgFromAsync<T>(sender, timeout, hint).AsTask().GetAwaiter().GetResult();

    /// <summary>Async twin of <see cref="ExpectMsg{T}(TimeSpan?, string?)"/>.</summary>
    public ValueTask<T> ExpectMsgAsync<T>(TimeSpan? duration = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(duration, hint, null, cancellationToken);

    /// <summary>Async twin of <see cref="ExpectMsg{T}(T, TimeSpan?, string?)"/>.</summary>
    public ValueTask<T> ExpectMsgAsync<T>(T message, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(timeout, hint, (m, _) =>
        {
            if (!Equals(m, message))
            {
                throw Failure($"Expected message <{message}> but got <{m}>{Hint(hint)}");
            }
        }, cancellationToken);

    /// <summary>Async twin of <see cref="ExpectMsg{T}(Predicate{T}, TimeSpan?, string?)"/>.</summary>
    public ValueTask<T> ExpectMsgAsync<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(timeout, hint, (m, _) =>
        {
            if (!isMessage(m))
            {
                throw Failure($"Got a message of the expected type <{typeof(T)}> but it did not match the predicate: <{m}>{Hint(hint)}");
            }
        }, cancellationToken);

    /// <summary>Async twin of <see cref="ExpectMsg{T}(Action{T}, TimeSpan?, string?)"/>.</summary>
    public ValueTask<T> ExpectMsgAsync<T>(Action<T> assert, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(timeout, hint, (m, _) => assert(m), cancellationToken);

    /// <summary>Async twin of <see cref="ExpectMsgFrom{T}"/>.</summary>
    public ValueTask<T> ExpectMsgFromAsync<T>(IActorRef sender, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<T>(timeout, hint, (m, s) =>
        {
            if (!sender.Equals(s))
            {
                throw Failure($"Expected a message from {sender} but it came from {s}: <{m}>{Hint(hint)}");
            }
        }, cancellationToken);

    /// <summary>Expects no message during <paramref name="duration"/> (dilated).</summary>
    public void ExpectNoMsg(TimeSpan duration) => ExpectNoMsgAsync(duration).AsTask().GetAwaiter().GetResult();

    /// <summary>Async twin of <see cref="ExpectNoMsg(TimeSpan)"/>.</summary>
    public async ValueTask ExpectNoMsgAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var envelope = await TryReceiveOneAsync(duration, cancellationToken).ConfigureAwait(false);
        if (envelope is { } e)
        {
            throw Failure($"Expected no message during {duration} but got <{e.Message}> from {e.Sender}");
        }
    }

    /// <summary>Expects the <see cref="Terminated"/> of <paramref name="target"/> (the test actor must watch it).</summary>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null, string? hint = null) =>
        ExpectTerminatedAsync(target, timeout, hint).AsTask().GetAwaiter().GetResult();

    /// <summary>Async twin of <see cref="ExpectTerminated"/>.</summary>
    public ValueTask<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null, string? hint = null, CancellationToken cancellationToken = default) =>
        ExpectCoreAsync<Terminated>(timeout, hint, (t, _) =>
        {
            if (!t.ActorRef.Equals(target))
            {
                throw Failure($"Expected Terminated of {target} but got Terminated of {t.ActorRef}{Hint(hint)}");
            }
        }, cancellationToken);

    /// <summary>Expects exactly these messages, in any order, within the timeout (which covers all of them).</summary>
    public IReadOnlyList<T> ExpectMsgAllOf<T>(IReadOnlyCollection<T> messages, TimeSpan? timeout = null) =>
        ExpectMsgAllOfAsync(messages, timeout).AsTask().GetAwaiter().GetResult();

    /// <summary>Async twin of <see cref="ExpectMsgAllOf{T}"/>.</summary>
    public async ValueTask<IReadOnlyList<T>> ExpectMsgAllOfAsync<T>(IReadOnlyCollection<T> messages, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var received = await ReceiveNAsync(messages.Count, timeout, cancellationToken).ConfigureAwait(false);
        var missing = messages.Cast<object?>().ToList();
        foreach (var m in received)
        {
            if (!missing.Remove(m))
            {
                throw Failure($"Unexpected message <{m}>; still expecting [{string.Join(", ", missing)}]");
            }
        }

        return received.Cast<T>().ToArray();
    }

    private async ValueTask<T> ExpectCoreAsync<T>(TimeSpan? timeout, string? hint, Action<T, IActorRef>? check, CancellationToken cancellationToken)
    {
        var effective = RemainingOrDilated(timeout);
        var envelope = await TryReceiveOneAsync(effective, cancellationToken).ConfigureAwait(false);
        if (envelope is not { } e)
        {
            throw Failure($"Timeout ({effective}) while waiting for a message of type {typeof(T)}{Hint(hint)}");
        }

        if (e.Message is not T typed)
        {
            throw Failure($"Expected a message of type {typeof(T)} but got <{e.Message}> ({e.Message.GetType()}) from {e.Sender}{Hint(hint)}");
        }

        check?.Invoke(typed, e.Sender);
        return typed;
    }

    private static string Hint(string? hint) => string.IsNullOrEmpty(hint) ? string.Empty : $" ({hint})";
}
