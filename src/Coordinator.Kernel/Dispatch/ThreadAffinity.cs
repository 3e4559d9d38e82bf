namespace Coordinator.Kernel.Dispatch;

/// <summary>
/// Remembers the thread that owns a thread-affine resource (a COM object on a pinned dispatcher) and checks
/// that later calls come from it. Call <see cref="Assert"/> before every call on the resource: a
/// <c>ConfigureAwait(false)</c> in a pinned actor's handler then fails loudly instead of calling from the
/// thread pool.
/// </summary>
public sealed class ThreadAffinity
{
    private ThreadAffinity(int managedThreadId, string? threadName)
    {
        ManagedThreadId = managedThreadId;
        ThreadName = threadName;
    }

    /// <summary>The owning thread's managed id.</summary>
    public int ManagedThreadId { get; }

    /// <summary>The owning thread's name, if any.</summary>
    public string? ThreadName { get; }

    /// <summary>True when running on the owning thread.</summary>
    public bool IsCurrentThread => Environment.CurrentManagedThreadId == ManagedThreadId;

    /// <summary>Captures the current thread as the owner.</summary>
    public static ThreadAffinity CaptureCurrent() => new(Environment.CurrentManagedThreadId, Thread.CurrentThread.Name);

    /// <summary>Throws unless running on the owning thread.</summary>
    /// <exception cref="InvalidOperationException">Called from another thread.</exception>
    public void Assert()
    {
        if (!IsCurrentThread)
        {
            throw new InvalidOperationException(
                $"Thread affinity violated: owned by thread {ManagedThreadId} ({ThreadName ?? "unnamed"}), called on thread {Environment.CurrentManagedThreadId} ({Thread.CurrentThread.Name ?? "unnamed"}).");
        }
    }
}
