namespace Coordinator.Kernel.Dispatch;

/// <summary>Runs <see cref="IRunnable"/>s; the thread model is up to the implementation.</summary>
public abstract class ExecutorService
{
    /// <summary>Creates an executor with the given id.</summary>
    protected ExecutorService(string id)
    {
        Id = id;
    }

    /// <summary>The id of the dispatcher that owns this executor.</summary>
    public string Id { get; }

    /// <summary>Queues <paramref name="run"/> for execution.</summary>
    /// <exception cref="RejectedExecutionException">The executor has been shut down.</exception>
    public abstract void Execute(IRunnable run);

    /// <summary>Stops accepting work; work already queued still runs.</summary>
    public abstract void Shutdown();
}

/// <summary>Produces executors for a dispatcher.</summary>
public abstract class ExecutorServiceFactory
{
    /// <summary>Creates a new executor for the dispatcher <paramref name="id"/>.</summary>
    public abstract ExecutorService Produce(string id);
}

/// <summary>Thrown by <see cref="ExecutorService.Execute"/> after <see cref="ExecutorService.Shutdown"/>.</summary>
public sealed class RejectedExecutionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RejectedExecutionException(string message)
        : base(message)
    {
    }
}
