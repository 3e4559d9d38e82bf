using Coordinator.Kernel.Dispatch;

namespace Coordinator.Kernel.Tests.Dispatch;

/// <summary>What every executor must do; run against each implementation (like dotnet/runtime's ChannelTestBase).</summary>
public abstract class ExecutorServiceContract
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    protected abstract ExecutorService CreateExecutor();

    [Fact]
    public void Execute_ManyRunnables_RunsEachExactlyOnce()
    {
        var executor = CreateExecutor();
        const int Count = 1000;
        var runs = new int[Count];
        using var done = new CountdownEvent(Count);
        for (var i = 0; i < Count; i++)
        {
            var index = i;
            executor.Execute(new Runnable(() =>
            {
                Interlocked.Increment(ref runs[index]);
                done.Signal();
            }));
        }

        Assert.True(done.Wait(s_timeout));
        Assert.All(runs, r => Assert.Equal(1, r));
        executor.Shutdown();
    }

    [Fact]
    public void Execute_AfterShutdown_ThrowsRejectedExecutionException()
    {
        var executor = CreateExecutor();
        executor.Shutdown();
        Assert.Throws<RejectedExecutionException>(() => executor.Execute(new Runnable(() => { })));
    }

    [Fact]
    public void Shutdown_WithQueuedWork_LetsItFinish()
    {
        var executor = CreateExecutor();
        using var gate = new ManualResetEventSlim();
        using var done = new CountdownEvent(3);
        executor.Execute(new Runnable(() =>
        {
            gate.Wait(s_timeout);
            done.Signal();
        }));
        executor.Execute(new Runnable(() => done.Signal()));
        executor.Execute(new Runnable(() => done.Signal()));
        executor.Shutdown();
        gate.Set();
        Assert.True(done.Wait(s_timeout));
    }

    [Fact]
    public void Execute_ThrowingRunnable_DoesNotStopTheExecutor()
    {
        var executor = CreateExecutor();
        using var done = new ManualResetEventSlim();
        executor.Execute(new Runnable(() => throw new InvalidOperationException("bad runnable")));
        executor.Execute(new Runnable(() => done.Set()));
        Assert.True(done.Wait(s_timeout));
        executor.Shutdown();
    }

    [Fact]
    public void Execute_DoesNotFlowTheExecutionContext()
    {
        var executor = CreateExecutor();
        var local = new AsyncLocal<string?> { Value = "caller" };
        string? seen = "unset";
        using var done = new ManualResetEventSlim();
        executor.Execute(new Runnable(() =>
        {
            seen = local.Value;
            done.Set();
        }));
        Assert.True(done.Wait(s_timeout));
        Assert.Null(seen);
        executor.Shutdown();
    }

    protected sealed class Runnable(Action action) : IRunnable
    {
        public void Run() => action();
    }
}

public sealed class ThreadPoolExecutorServiceTests : ExecutorServiceContract
{
    protected override ExecutorService CreateExecutor() => new ThreadPoolExecutorService("test-pool");
}

public sealed class DedicatedThreadExecutorServiceTests : ExecutorServiceContract
{
    protected override ExecutorService CreateExecutor() => new DedicatedThreadExecutorService("test-dedicated", "contract");

    [Fact]
    public void Execute_SingleThreaded_RunsInOrderOnOneThread()
    {
        var executor = new DedicatedThreadExecutorService("test-dedicated", "contract");
        var order = new List<int>();
        var threads = new HashSet<int>();
        using var done = new CountdownEvent(100);
        for (var i = 0; i < 100; i++)
        {
            var n = i;
            executor.Execute(new Runnable(() =>
            {
                lock (order)
                {
                    order.Add(n);
                    threads.Add(Environment.CurrentManagedThreadId);
                }

                done.Signal();
            }));
        }

        Assert.True(done.Wait(TimeSpan.FromSeconds(10)));
        Assert.Equal(Enumerable.Range(0, 100), order);
        Assert.Single(threads);
        executor.Shutdown();
    }

    [Fact]
    public void Shutdown_EndsTheThread()
    {
        var executor = new DedicatedThreadExecutorService("test-dedicated", "contract-end");
        var thread = executor.Thread;
        Assert.StartsWith("contract-end-", thread.Name, StringComparison.Ordinal);
        Assert.True(thread.IsBackground);
        executor.Shutdown();
        Assert.True(thread.Join(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, DedicatedThreadExecutorService.LiveThreadCount(thread.Name!));
    }
}
