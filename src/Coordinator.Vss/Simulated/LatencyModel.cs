using System.Collections.Concurrent;

namespace Coordinator.Vss.Simulated;

/// <summary>
/// How long each asynchronous operation takes on the simulated host: a per-operation latency (zero by default, so
/// operations finish at once) times <see cref="Scale"/>. Time is read from the host's <see cref="TimeProvider"/>,
/// so tests can use virtual time. Thread-safe; changes apply to operations started afterwards.
/// </summary>
public sealed class LatencyModel
{
    /// <summary>The longest latency one operation may be given (a scenario's limit too).</summary>
    public static readonly TimeSpan MaxLatency = TimeSpan.FromDays(1);

    /// <summary>The largest <see cref="Scale"/>: with <see cref="MaxLatency"/>, still a duration every wait takes.</summary>
    public const double MaxScale = 1000;

    private readonly ConcurrentDictionary<string, TimeSpan> _latencies = new(StringComparer.Ordinal);
    private double _scale = 1.0;

    /// <summary>Multiplies every latency (e.g. 0.1 to run a realistic scenario ten times faster).</summary>
    public double Scale
    {
        get => Volatile.Read(ref _scale);
        set => Volatile.Write(ref _scale, value is >= 0 and <= MaxScale
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"the latency scale must be a number from 0 to {MaxScale}"));
    }

    /// <summary>Sets the latency of <paramref name="call"/> (a <see cref="VssCallNames"/> value); returns this for chaining.</summary>
    public LatencyModel Set(string call, TimeSpan latency)
    {
        if (!VssCallNames.Asynchronous.Contains(call))
        {
            throw new ArgumentException(
                $"latency applies only to the asynchronous operations ({string.Join(", ", VssCallNames.Asynchronous)}), not '{call}'", nameof(call));
        }
        if (latency < TimeSpan.Zero || latency > MaxLatency)
        {
            throw new ArgumentOutOfRangeException(nameof(latency), latency, $"the latency of {call} must be from zero to one day");
        }
        _latencies[call] = latency;
        return this;
    }

    /// <summary>The scaled latency of <paramref name="call"/>.</summary>
    public TimeSpan For(string call) =>
        _latencies.TryGetValue(call, out var latency) ? latency * Scale : TimeSpan.Zero;
}
