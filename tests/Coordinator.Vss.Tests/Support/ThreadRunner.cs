using System.Runtime.ExceptionServices;

namespace Coordinator.Vss.Tests.Support;

/// <summary>Runs code on a dedicated thread and joins it deterministically, rethrowing what it threw.</summary>
public static class ThreadRunner
{
    public static T Run<T>(Func<T> body)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = body();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }) { IsBackground = true, Name = "vss-test-thread" };
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(30)), "the test thread did not finish");
        failure?.Throw();
        return result;
    }

    public static void Run(Action body) => Run(() =>
    {
        body();
        return 0;
    });

    /// <summary>The exception <paramref name="body"/> throws on another thread (null when none).</summary>
    public static Exception? Catch(Action body) => Run<Exception?>(() =>
    {
        try
        {
            body();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    });
}

/// <summary>A dedicated thread whose failure is rethrown by <see cref="Join"/> instead of crashing the test host.</summary>
public sealed class JoinableThread
{
    private readonly Thread _thread;
    private ExceptionDispatchInfo? _failure;

    public JoinableThread(Action body)
    {
        _thread = new Thread(() =>
        {
            try
            {
                body();
            }
            catch (Exception e)
            {
                _failure = ExceptionDispatchInfo.Capture(e);
            }
        }) { IsBackground = true, Name = "vss-test-worker" };
        _thread.Start();
    }

    public void Join()
    {
        Assert.True(_thread.Join(TimeSpan.FromSeconds(30)), "the worker thread did not finish");
        _failure?.Throw();
    }
}
