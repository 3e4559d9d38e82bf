using System.Diagnostics;
using Coordinator.Kernel.Actor;

namespace Coordinator.Kernel.TestKit;

/// <summary>Counts matching events published while the action runs, then waits (up to the filter leeway) for the expected count.</summary>
internal sealed class EventFilterApplier(TestKitBase kit, Type channel, Func<object, bool> predicate) : IEventFilterApplier
{
    public void ExpectOne(Action action) => Expect(1, action);

    public void Expect(int expectedCount, Action action) =>
        ExpectAsync(expectedCount, () =>
        {
            action();
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();

    public Task ExpectOneAsync(Func<Task> action) => ExpectAsync(1, action);

    public async Task ExpectAsync(int expectedCount, Func<Task> action)
    {
        var count = 0;
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = kit.Sys.CreateFunctionRef("eventFilter", (message, _) =>
        {
            if (predicate(message) && Interlocked.Increment(ref count) >= expectedCount)
            {
                reached.TrySetResult();
            }
        });
        kit.Sys.EventStream.Subscribe(listener, channel);
        try
        {
            if (expectedCount == 0)
            {
                reached.TrySetResult();
            }

            await action().ConfigureAwait(false);
            var leeway = kit.Dilated(kit.TestKitSettings.FilterLeeway);
            var start = Stopwatch.GetTimestamp();
            await Task.WhenAny(reached.Task, Task.Delay(leeway)).ConfigureAwait(false);
            var seen = Volatile.Read(ref count);
            if (seen != expectedCount)
            {
                throw TestKitBase.Failure($"Expected {expectedCount} matching event(s) but saw {seen} within {Stopwatch.GetElapsedTime(start)}.");
            }
        }
        finally
        {
            kit.Sys.EventStream.Unsubscribe(listener);
        }
    }
}
