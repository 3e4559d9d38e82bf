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

/// <summary>What executors that run work on threads of their own must do on top of the contract.</summary>
public abstract class AsynchronousExecutorServiceContract : ExecutorServiceContract
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

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
    public void Execute_racing_Shutdown_either_runs_the_work_or_refuses_it()
    {
        // A mailbox handed over while its executor shuts down must not be lost silently.
        for (var round = 0; round < 50; round++)
        {
            var executor = CreateExecutor();
            var accepted = 0;
            var ran = 0;
            using var start = new Barrier(5);
            var producers = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
            {
                start.SignalAndWait();
                for (var i = 0; i < 200; i++)
                {
                    try
                    {
                        executor.Execute(new Runnable(() => Interlocked.Increment(ref ran)));
                        Interlocked.Increment(ref accepted);
                    }
                    catch (RejectedExecutionException)
                    {
                    }
                }
            })).ToList();
            producers.ForEach(p => p.Start());
            start.SignalAndWait();
            executor.Shutdown();
            producers.ForEach(p => p.Join());

            Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref ran) == accepted, s_timeout), $"round {round}: {ran} of {accepted} accepted runnables ran");
        }
    }
}

public sealed class ThreadPoolExecutorServiceTests : AsynchronousExecutorServiceContract
{
    protected override ExecutorService CreateExecutor() => new ThreadPoolExecutorService("test-pool");
}

public sealed class DedicatedThreadExecutorServiceTests : AsynchronousExecutorServiceContract
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

public sealed class CallingThreadExecutorServiceTests : ExecutorServiceContract
{
    protected override ExecutorService CreateExecutor() => new CallingThreadExecutorService("test-calling");

    [Fact]
    public void Execute_runs_the_work_on_the_calling_thread_before_returning()
    {
        var executor = CreateExecutor();
        var ranOn = 0;
        executor.Execute(new Runnable(() => ranOn = Environment.CurrentManagedThreadId));
        Assert.Equal(Environment.CurrentManagedThreadId, ranOn);
    }

    [Fact]
    public void Execute_from_inside_a_run_defers_the_work_until_the_outer_run_returns()
    {
        var executor = CreateExecutor();
        var order = new List<string>();
        executor.Execute(new Runnable(() =>
        {
            order.Add("outer starts");
            executor.Execute(new Runnable(() => order.Add("inner")));
            order.Add("outer ends");
        }));
        Assert.Equal(["outer starts", "outer ends", "inner"], order);
    }

    [Fact]
    public void Execute_chained_a_hundred_thousand_deep_does_not_grow_the_stack()
    {
        // Each run hands over the next, as two calling-thread actors telling each other would.
        var executor = CreateExecutor();
        const int Depth = 100_000;
        var runs = 0;
        var deepest = 0;
        var baseDepth = new System.Diagnostics.StackTrace().FrameCount;
        void Next()
        {
            runs++;
            deepest = Math.Max(deepest, new System.Diagnostics.StackTrace().FrameCount - baseDepth);
            if (runs < Depth)
            {
                executor.Execute(new Runnable(Next));
            }
        }

        executor.Execute(new Runnable(Next));
        Assert.Equal(Depth, runs);
        Assert.True(deepest < 20, $"stack grew to {deepest} frames");
    }

    [Fact]
    public void Execute_restores_the_callers_execution_context_afterwards()
    {
        var executor = CreateExecutor();
        var local = new AsyncLocal<string?> { Value = "caller" };
        executor.Execute(new Runnable(() => local.Value = "changed by the runnable"));
        Assert.Equal("caller", local.Value);
    }
}
