using System.Globalization;

namespace Coordinator.Kernel.Configuration;

/// <summary>HOCON durations: a number and an optional unit (<c>30s</c>, <c>500 ms</c>, <c>10 seconds</c>); no unit means milliseconds.</summary>
public static class HoconDuration
{
    private static readonly Dictionary<string, double> _ticksPerUnit = BuildUnits();

    /// <summary>
    /// Parses <paramref name="text"/>. <c>infinite</c> gives <see cref="Timeout.InfiniteTimeSpan"/> when
    /// <paramref name="allowInfinite"/>. Returns false and an explanation otherwise.
    /// </summary>
    public static bool TryParse(string text, bool allowInfinite, out TimeSpan value, out string error)
    {
        value = default;
        var trimmed = text.Trim();
        if (trimmed.Equals("infinite", StringComparison.OrdinalIgnoreCase))
        {
            value = Timeout.InfiniteTimeSpan;
            error = allowInfinite ? string.Empty : "'infinite' is not allowed here; give a finite duration such as 30s";
            return allowInfinite;
        }

        var split = 0;
        while (split < trimmed.Length && (char.IsAsciiDigit(trimmed[split]) || trimmed[split] is '.' or '-' or '+'))
        {
            split++;
        }

        var unit = trimmed[split..].Trim();
        if (split == 0
            || !double.TryParse(trimmed.AsSpan(0, split), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || !_ticksPerUnit.TryGetValue(unit, out var ticksPerUnit))
        {
            error = $"'{text}' is not a duration; write a number and a unit: ns, us, ms, s, m, h, d (or their long names), e.g. 30s";
            return false;
        }

        var ticks = number * ticksPerUnit;
        if (double.IsNaN(ticks) || ticks > TimeSpan.MaxValue.Ticks || ticks < TimeSpan.MinValue.Ticks)
        {
            error = $"'{text}' is out of range for a duration";
            return false;
        }

        value = TimeSpan.FromTicks((long)Math.Round(ticks));
        error = string.Empty;
        return true;
    }

    private static Dictionary<string, double> BuildUnits()
    {
        var units = new Dictionary<string, double>(StringComparer.Ordinal);
        void Add(double ticks, params string[] names)
        {
            foreach (var name in names)
            {
                units[name] = ticks;
            }
        }

        Add(TimeSpan.TicksPerMillisecond, "", "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(0.01, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(10, "us", "micro", "micros", "microsecond", "microseconds");
        Add(TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(TimeSpan.TicksPerDay, "d", "day", "days");
        return units;
    }
}
