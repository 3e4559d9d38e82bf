using System.Collections.Concurrent;
using Coordinator.Kernel.Dispatch;

namespace Coordinator.Kernel.Tests.Dispatch;

/// <summary>An executor that only queues; the test runs the work itself, one runnable at a time.</summary>
public sealed class ManualExecutor(string id) : ExecutorService(id)
{
    private readonly ConcurrentQueue<IRunnable> _queue = new();

    public int Pending => _queue.Count;

    public override void Execute(IRunnable run) => _queue.Enqueue(run);

    public override void Shutdown()
    {
    }

    /// <summary>Runs queued work until none is left.</summary>
    public void RunAll()
    {
        while (_queue.TryDequeue(out var run))
        {
            run.Run();
        }
    }

    /// <summary>Runs the next queued runnable; false if none.</summary>
    public bool RunOne()
    {
        if (!_queue.TryDequeue(out var run))
        {
            return false;
        }

        run.Run();
        return true;
    }
}

/// <summary>Configured by type name (<c>executor = "...ManualExecutorFactory, ..."</c>); keeps the executors it produced.</summary>
public sealed class ManualExecutorFactory : ExecutorServiceFactory
{
    public static ConcurrentDictionary<string, ManualExecutor> Produced { get; } = new();

    public override ExecutorService Produce(string id) => Produced.GetOrAdd(id, static i => new ManualExecutor(i));
}
