using System.Diagnostics;

namespace Coordinator.Kernel.TestKit;

public abstract partial class TestKitBase
{
    private static readonly TimeSpan s_defaultInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>Retries <paramref name="assertion"/> until it passes or the time is up (then its last failure is thrown).</summary>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null) =>
        AwaitAssertAsync(() =>
        {
            assertion();
            return Task.CompletedTask;
        }, duration, interval).GetAwaiter().GetResult();

    /// <summary>Async twin of <see cref="AwaitAssert"/>.</summary>
    public async Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        var max = RemainingOrDilated(duration);
        var start = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                await assertion().ConfigureAwait(false);
                return;
            }
            catch (Exception) when (Stopwatch.GetElapsedTime(start) < max)
            {
                // Polling is the mechanism of AwaitAssert; the interval bounds how often it checks.
                await Task.Delay(interval ?? s_defaultInterval).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> is true, failing if it is not within the time.</summary>
    public void AwaitCondition(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null) =>
        AwaitConditionAsync(() => Task.FromResult(condition()), max, interval, message).GetAwaiter().GetResult();

    /// <summary>Async twin of <see cref="AwaitCondition"/>.</summary>
    public async Task AwaitConditionAsync(Func<Task<bool>> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null)
    {
        var limit = RemainingOrDilated(max);
        var start = Stopwatch.GetTimestamp();
        while (!await condition().ConfigureAwait(false))
        {
            if (Stopwatch.GetElapsedTime(start) >= limit)
            {
                throw Failure($"Timeout {limit} expired while waiting for condition{(message is null ? string.Empty : ": " + message)}");
            }

            await Task.Delay(interval ?? s_defaultInterval).ConfigureAwait(false);
        }
    }
}
