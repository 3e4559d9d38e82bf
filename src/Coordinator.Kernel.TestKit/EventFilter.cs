using Coordinator.Kernel.Event;

namespace Coordinator.Kernel.TestKit;

/// <summary>Builds filters that expect events on the event stream while an action runs.</summary>
public sealed class EventFilterFactory
{
    private readonly TestKitBase _kit;

    internal EventFilterFactory(TestKitBase kit)
    {
        _kit = kit;
    }

    /// <summary>Error events whose cause is a <typeparamref name="T"/>.</summary>
    public IEventFilterApplier Exception<T>(string? message = null, string? start = null, string? contains = null, string? source = null)
        where T : Exception => Exception(typeof(T), message, start, contains, source);

    /// <summary>Error events whose cause is an <paramref name="exceptionType"/>.</summary>
    public IEventFilterApplier Exception(Type exceptionType, string? message = null, string? start = null, string? contains = null, string? source = null) =>
        new EventFilterApplier(_kit, typeof(LogEvent), e => e is Error { Cause: { } cause } error && exceptionType.IsInstanceOfType(cause) && Matches(error, message, start, contains, source));

    /// <summary>Error events.</summary>
    public IEventFilterApplier Error(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        Level<Error>(message, start, contains, source);

    /// <summary>Warning events.</summary>
    public IEventFilterApplier Warning(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        Level<Warning>(message, start, contains, source);

    /// <summary>Info events.</summary>
    public IEventFilterApplier Info(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        Level<Info>(message, start, contains, source);

    /// <summary>Debug events.</summary>
    public IEventFilterApplier Debug(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        Level<Event.Debug>(message, start, contains, source);

    /// <summary>Dead letters whose message is a <typeparamref name="T"/> (matching <paramref name="isMatch"/>).</summary>
    public IEventFilterApplier DeadLetter<T>(Predicate<T>? isMatch = null) =>
        new EventFilterApplier(_kit, typeof(DeadLetter), e => e is DeadLetter { Message: T m } && (isMatch is null || isMatch(m)));

    /// <summary>Any dead letter.</summary>
    public IEventFilterApplier DeadLetter() => DeadLetter<object>();

    private IEventFilterApplier Level<T>(string? message, string? start, string? contains, string? source)
        where T : LogEvent =>
        new EventFilterApplier(_kit, typeof(LogEvent), e => e is T log && Matches(log, message, start, contains, source));

    private static bool Matches(LogEvent e, string? message, string? start, string? contains, string? source)
    {
        var text = e.Message.ToString() ?? string.Empty;
        return (message is null || text == message)
            && (start is null || text.StartsWith(start, StringComparison.Ordinal))
            && (contains is null || text.Contains(contains, StringComparison.Ordinal))
            && (source is null || e.LogSource == source);
    }
}

/// <summary>Runs an action and checks that the filter's events occurred.</summary>
public interface IEventFilterApplier
{
    /// <summary>Runs <paramref name="action"/> and expects exactly one matching event.</summary>
    void ExpectOne(Action action);

    /// <summary>Runs <paramref name="action"/> and expects exactly <paramref name="expectedCount"/> matching events.</summary>
    void Expect(int expectedCount, Action action);

    /// <summary>Async twin of <see cref="ExpectOne"/>.</summary>
    Task ExpectOneAsync(Func<Task> action);

    /// <summary>Async twin of <see cref="Expect"/>.</summary>
    Task ExpectAsync(int expectedCount, Func<Task> action);
}
