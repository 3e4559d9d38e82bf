using System.Collections.Concurrent;
using System.Diagnostics;

namespace Coordinator.Kernel.Dispatch;

/// <summary>
/// Runs all work, in order, on one dedicated background thread. The thread is created with a small stack,
/// an explicit name and (on Windows only) the requested COM apartment, and exits after <see cref="Shutdown"/>
/// once the queued work is done.
/// </summary>
public sealed class DedicatedThreadExecutorService : ExecutorService
{
    /// <summary>Default stack size of dedicated threads: small, because there is one thread per pinned actor.</summary>
    public const int DefaultStackSize = 256 * 1024;

    private static readonly ConcurrentDictionary<Thread, string> s_liveThreads = new();
    private static int s_threadCounter;

    private readonly BlockingCollection<IRunnable> _queue = new(new ConcurrentQueue<IRunnable>());
    private readonly Thread _thread;

    /// <summary>Creates the executor and starts its thread.</summary>
    /// <param name="id">Dispatcher id.</param>
    /// <param name="threadNamePrefix">The thread is named <c>{prefix}-{n}</c>.</param>
    /// <param name="apartment">COM apartment, applied on Windows only; <see cref="ApartmentState.Unknown"/> leaves the default.</param>
    /// <param name="maxStackSize">Stack size in bytes.</param>
    public DedicatedThreadExecutorService(string id, string threadNamePrefix, ApartmentState apartment = ApartmentState.Unknown, int maxStackSize = DefaultStackSize)
        : base(id)
    {
        _thread = new Thread(RunLoop, maxStackSize)
        {
            IsBackground = true,
            Name = $"{threadNamePrefix}-{Interlocked.Increment(ref s_threadCounter)}",
        };

        // SetApartmentState throws PlatformNotSupportedException off Windows, so the setting is only applied there.
        if (apartment != ApartmentState.Unknown && OperatingSystem.IsWindows())
        {
            _thread.SetApartmentState(apartment);
        }

        s_liveThreads[_thread] = _thread.Name;

        // UnsafeStart: the thread must not inherit the creator's ExecutionContext (e.g. a test's ambient sender).
        _thread.UnsafeStart();
    }

    /// <summary>The dedicated thread.</summary>
    public Thread Thread => _thread;

    /// <summary>Names of the dedicated threads (of all executors) that are alive.</summary>
    public static IReadOnlyCollection<string> LiveThreadNames => s_liveThreads.Values.ToArray();

    /// <summary>Number of dedicated threads (of any executor) that are alive and whose name starts with <paramref name="prefix"/>.</summary>
    public static int LiveThreadCount(string prefix) => s_liveThreads.Values.Count(n => n.StartsWith(prefix, StringComparison.Ordinal));

    /// <inheritdoc />
    public override void Execute(IRunnable run)
    {
        if (!_queue.TryAddSafe(run))
        {
            throw new RejectedExecutionException($"Executor [{Id}] is shut down.");
        }
    }

    /// <inheritdoc />
    public override void Shutdown()
    {
        try
        {
            _queue.CompleteAdding();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void RunLoop()
    {
        try
        {
            foreach (var run in _queue.GetConsumingEnumerable())
            {
                try
                {
                    run.Run();
                }
                catch (Exception ex)
                {
                    // The thread is the actor's whole world: keep it alive whatever a runnable does.
                    Debug.WriteLine($"Runnable on {Thread.CurrentThread.Name} threw: {ex}");
                }
            }
        }
        finally
        {
            s_liveThreads.TryRemove(_thread, out _);
            _queue.Dispose();
        }
    }
}

internal static class BlockingCollectionExtensions
{
    /// <summary>TryAdd that reports false instead of throwing once adding is completed or the collection is disposed.</summary>
    public static bool TryAddSafe<T>(this BlockingCollection<T> collection, T item)
    {
        try
        {
            return collection.TryAdd(item);
        }
        catch (InvalidOperationException)
        {
            // Also covers ObjectDisposedException (a subclass): the thread exited and disposed the queue.
            return false;
        }
    }
}
