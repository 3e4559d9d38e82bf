using Coordinator.Kernel.Actor;

namespace Coordinator.Kernel.Dispatch;

/// <summary>The shared dispatcher: many actors, one executor (the .NET thread pool by default).</summary>
public sealed class Dispatcher : MessageDispatcher
{
    private readonly Lazy<ExecutorService> _executor;

    /// <summary>Creates the dispatcher; the executor is produced on first use.</summary>
    public Dispatcher(string id, int throughput, ExecutorServiceFactory executorServiceFactory)
        : base(id, throughput)
    {
        _executor = new Lazy<ExecutorService>(() => executorServiceFactory.Produce(id), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private protected override ExecutorService Executor => _executor.Value;

    internal override void Attach(ActorCell cell)
    {
    }

    internal override void Detach(ActorCell cell)
    {
    }

    internal override void Shutdown()
    {
        if (_executor.IsValueCreated)
        {
            _executor.Value.Shutdown();
        }
    }
}

/// <summary>Produces <see cref="ThreadPoolExecutorService"/>s.</summary>
public sealed class ThreadPoolExecutorServiceFactory : ExecutorServiceFactory
{
    /// <inheritdoc />
    public override ExecutorService Produce(string id) => new ThreadPoolExecutorService(id);
}
