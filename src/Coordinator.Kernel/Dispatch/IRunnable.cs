namespace Coordinator.Kernel.Dispatch;

/// <summary>A unit of work that an <see cref="ExecutorService"/> runs.</summary>
public interface IRunnable
{
    /// <summary>Runs the work.</summary>
    void Run();
}
