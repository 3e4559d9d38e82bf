using System.Diagnostics;

namespace Coordinator.Bench.Harness;

/// <summary>
/// A hand-rolled harness: warm-up runs (JIT, thread pool growth, lazy statics) are discarded, then the median of
/// several runs is kept. Subject and baseline are measured alternately inside one run, so machine noise on a
/// shared box hits both sides of a ratio alike.
/// </summary>
public static class Measure
{
    public static double Median(IEnumerable<double> samples)
    {
        var sorted = samples.OrderBy(s => s).ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("no samples", nameof(samples));
        }
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Runs the pair alternately (<paramref name="warmups"/> discarded), returns the medians of each.</summary>
    public static async Task<(double Subject, double Baseline)> PairAsync(
        Func<Task<double>> subject, Func<Task<double>> baseline, int warmups, int runs)
    {
        for (var i = 0; i < warmups; i++)
        {
            await subject();
            await baseline();
        }
        var s = new List<double>();
        var b = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            // Alternate which side goes first, so a drift in machine load does not favour one side.
            if (i % 2 == 0)
            {
                s.Add(await subject());
                b.Add(await baseline());
            }
            else
            {
                b.Add(await baseline());
                s.Add(await subject());
            }
        }
        return (Median(s), Median(b));
    }

    /// <summary>
    /// Warm-up that ends when the JIT has settled: at least <paramref name="minRounds"/> rounds, then until a whole
    /// second of rounds compiled (almost) nothing, at most <paramref name="maxRounds"/>. A fixed count is not enough
    /// where the subject has much more code than its baseline: tiered compilation goes on recompiling for seconds, on
    /// one of the two cores, while the measured runs go on, and that time lands on one side of the ratio. A quiet
    /// round alone proves nothing either: tier-1 compiles start only after 100 ms without new tier-0 code.
    /// </summary>
    /// <returns>The rounds run.</returns>
    public static async Task<int> WarmUntilJitSettlesAsync(Func<Task> round, int minRounds, int maxRounds)
    {
        const int QuietMethods = 10;
        var quietWindow = TimeSpan.FromSeconds(1);
        var windowStart = System.Runtime.JitInfo.GetCompiledMethodCount();
        var window = Stopwatch.StartNew();
        var rounds = 0;
        while (rounds < maxRounds)
        {
            await round();
            rounds++;
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (compiled - windowStart >= QuietMethods)
            {
                windowStart = compiled;
                window.Restart();
            }
            else if (rounds >= minRounds && window.Elapsed >= quietWindow)
            {
                break;
            }
        }
        return rounds;
    }

    /// <summary>Elapsed milliseconds of <paramref name="body"/>.</summary>
    public static async Task<double> MillisecondsAsync(Func<Task> body)
    {
        var watch = Stopwatch.StartNew();
        await body();
        return watch.Elapsed.TotalMilliseconds;
    }
}
