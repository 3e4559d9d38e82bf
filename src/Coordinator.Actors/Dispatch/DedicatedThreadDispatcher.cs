using Akka.Actor;
using Akka.Dispatch;

namespace Coordinator.Actors.Dispatch;

/// <summary>
/// The dispatcher of one actor on its own thread. Like Akka's <see cref="PinnedDispatcher"/> it takes one actor only;
/// unlike it, it lets the thread go the moment that actor has stopped, instead of when Akka's scheduler next ticks
/// (10 ms later, whatever shutdown-timeout says): at a few hundred sessions a second, those lingering threads were
/// dozens at a time, each one more thread for two cores to schedule.
/// </summary>
internal sealed class DedicatedThreadDispatcher : Dispatcher
{
    private readonly OneExecutorFactory _executor;
    private ActorCell? _owner;

    public DedicatedThreadDispatcher(MessageDispatcherConfigurator configurator, DedicatedThreadSettings settings, OneExecutorFactory executor)
        : base(configurator, settings.DispatcherId, settings.Throughput, settings.ThroughputDeadline?.Ticks, executor, settings.ShutdownTimeout)
    {
        _executor = executor;
    }

    public override void Attach(ActorCell cell)
    {
        if (Interlocked.CompareExchange(ref _owner, cell, null) is { } owner && owner != cell)
        {
            throw new InvalidOperationException($"dispatcher [{Id}] serves one actor only, {owner.Self.Path}");
        }
        base.Attach(cell);
    }

    public override void Detach(ActorCell cell)
    {
        try
        {
            base.Detach(cell);
        }
        finally
        {
            // Called on the actor's own thread as it terminates: the thread finishes this turn, then exits. Akka's own
            // scheduled shutdown comes later and finds nothing left to do.
            _executor.Produced?.Shutdown();
        }
    }

    /// <summary>Produces the one executor of one dispatcher, and remembers it.</summary>
    internal sealed class OneExecutorFactory(DedicatedThreadExecutorFactory threads) : ExecutorServiceFactory
    {
        public ExecutorService? Produced { get; private set; }

        public override ExecutorService Produce(string id) => Produced = threads.Produce(id);
    }
}
