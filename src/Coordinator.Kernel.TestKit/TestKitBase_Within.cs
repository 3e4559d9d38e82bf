using System.Diagnostics;

namespace Coordinator.Kernel.TestKit;

public abstract partial class TestKitBase
{
    /// <summary>Runs <paramref name="action"/>, which must finish within <paramref name="max"/>; expectations inside are bounded by it.</summary>
    public void Within(TimeSpan max, Action action) => Within(TimeSpan.Zero, max, action);

    /// <summary>Runs <paramref name="action"/>, which must take between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public void Within(TimeSpan min, TimeSpan max, Action action) =>
        WithinAsync(min, max, () =>
        {
            action();
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();

    /// <summary>Runs <paramref name="function"/> within <paramref name="max"/> and returns its result.</summary>
    public T Within<T>(TimeSpan max, Func<T> function)
    {
        T result = default!;
        Within(TimeSpan.Zero, max, () => result = function());
        return result;
    }

    /// <summary>Async twin of <see cref="Within(TimeSpan, Action)"/>.</summary>
    public Task WithinAsync(TimeSpan max, Func<Task> function) => WithinAsync(TimeSpan.Zero, max, function);

    /// <summary>Async twin of <see cref="Within(TimeSpan, TimeSpan, Action)"/>.</summary>
    public async Task WithinAsync(TimeSpan min, TimeSpan max, Func<Task> function)
    {
        var dilatedMax = Dilated(max);
        var start = Stopwatch.GetTimestamp();
        var previousEnd = _endTimestamp;
        var end = start + (long)(dilatedMax.TotalSeconds * Stopwatch.Frequency);

        // A nested block cannot extend its enclosing one.
        _endTimestamp = previousEnd is { } outer && outer < end ? outer : end;
        try
        {
            await function().ConfigureAwait(false);
        }
        finally
        {
            _endTimestamp = previousEnd;
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        if (elapsed < min)
        {
            throw Failure($"Block took {elapsed}, should at least have been {min}");
        }

        if (elapsed > dilatedMax)
        {
            throw Failure($"Block took {elapsed}, exceeding {dilatedMax}");
        }
    }
}
