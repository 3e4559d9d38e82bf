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

    // Execute calls in progress, with ShutdownBit set once Shutdown ran: an Execute that incremented before the bit
    // was set still lands its work, and the thread leaves only after those have finished and the queue is empty.
    private const int ShutdownBit = 1 << 30;

    private readonly ConcurrentQueue<IRunnable> _queue = new();

    // One release per queued runnable, plus one from Shutdown. SemaphoreSlim spins briefly before it blocks, which
    // is what makes hand-offs to a busy pinned thread cheap; BlockingCollection (used before) waits the same way
    // but adds its own bookkeeping on every add and take.
    private readonly SemaphoreSlim _available = new(0);
    private int _adders;
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
        if ((Interlocked.Increment(ref _adders) & ShutdownBit) != 0)
        {
            Interlocked.Decrement(ref _adders);
            throw new RejectedExecutionException($"Executor [{Id}] is shut down.");
        }

        try
        {
            _queue.Enqueue(run);
            _available.Release();
        }
        finally
        {
            Interlocked.Decrement(ref _adders);
        }
    }

    /// <inheritdoc />
    public override void Shutdown()
    {
        while (true)
        {
            var adders = Volatile.Read(ref _adders);
            if ((adders & ShutdownBit) != 0)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _adders, adders | ShutdownBit, adders) == adders)
            {
                break;
            }
        }

        _available.Release();
    }

    private void RunLoop()
    {
        try
        {
            while (true)
            {
                _available.Wait();
                if (_queue.TryDequeue(out var run))
                {
                    RunSafely(run);
                    continue;
                }

                // Every runnable is queued before its release, so an empty queue means the release was Shutdown's.
                if ((Volatile.Read(ref _adders) & ShutdownBit) == 0)
                {
                    continue;
                }

                // Let the Execute calls already past the check land, run what they queued, and end.
                var spinner = default(SpinWait);
                while ((Volatile.Read(ref _adders) & ~ShutdownBit) != 0)
                {
                    spinner.SpinOnce();
                }

                while (_queue.TryDequeue(out run))
                {
                    RunSafely(run);
                }

                return;
            }
        }
        finally
        {
            s_liveThreads.TryRemove(_thread, out _);
            _available.Dispose();
        }
    }

    private static void RunSafely(IRunnable run)
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
