using Akka.Dispatch;
using Akka.Event;

namespace Coordinator.Actors.Dispatch;

/// <summary>
/// Produces the one-thread executors of one dispatcher id and numbers their threads (<c>&lt;prefix&gt;-1</c>,
/// <c>-2</c>, …), so a thread dump says which dispatcher a thread serves. Akka calls <see cref="Produce"/> lazily, on
/// the first task a dispatcher gets, so a dispatcher that never runs anything never starts a thread.
/// </summary>
internal sealed class DedicatedThreadExecutorFactory : ExecutorServiceFactory
{
    private readonly EventStream _eventStream;
    private int _produced;

    public DedicatedThreadExecutorFactory(DedicatedThreadSettings settings, EventStream eventStream)
    {
        Settings = settings;
        _eventStream = eventStream;
    }

    public DedicatedThreadSettings Settings { get; }

    public override ExecutorService Produce(string id)
    {
        var name = $"{Settings.ThreadNamePrefix}-{Interlocked.Increment(ref _produced)}";
        return new DedicatedThreadExecutor(id, name, Settings, e => _eventStream.Publish(
            new Error(e, name, typeof(DedicatedThreadExecutor), $"Dedicated thread [{name}] of [{id}]: {e.Message}")));
    }
}
