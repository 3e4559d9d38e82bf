namespace Coordinator.Bench.Harness;

/// <summary>How a row's target is judged.</summary>
public enum TargetKind
{
    /// <summary>Pass when the ratio is at least <see cref="Row.Target"/> (throughput against a raw baseline).</summary>
    RatioAtLeast,

    /// <summary>Pass when the ratio is at most <see cref="Row.Target"/> (time against a baseline or a bound).</summary>
    RatioAtMost,

    /// <summary>Pass when the value itself is at least <see cref="Row.Target"/> (jobs/s).</summary>
    ValueAtLeast,

    /// <summary>Pass when the value itself is at most <see cref="Row.Target"/> (bytes).</summary>
    ValueAtMost,

    /// <summary>Reported for information; always passes.</summary>
    Informative,
}

/// <summary>One line of the table: what was measured, against what, and whether the target is met.</summary>
public sealed record Row(string Metric, double Value, double? Baseline, string Unit, TargetKind Kind, double Target, string? Note = null)
{
    public double? Ratio => Baseline is { } b && b != 0 ? Value / b : null;

    public bool Passed => Kind switch
    {
        TargetKind.RatioAtLeast => Ratio >= Target,
        TargetKind.RatioAtMost => Ratio <= Target,
        TargetKind.ValueAtMost => Value <= Target,
        TargetKind.ValueAtLeast => Value >= Target,
        _ => true,
    };

    public string TargetText => Kind switch
    {
        TargetKind.RatioAtLeast => $"ratio >= {Target:0.##}",
        TargetKind.RatioAtMost => $"ratio <= {Target:0.##}",
        TargetKind.ValueAtMost => $"<= {Format(Target, Unit)}",
        TargetKind.ValueAtLeast => $">= {Format(Target, Unit)}",
        _ => "informative",
    };

    public static string Format(double value, string unit) => unit switch
    {
        "B" when Math.Abs(value) >= 1024 => $"{value / 1024:0.0} KiB",
        "B" => $"{value:0} B",
        "msg/s" => $"{value:N0} msg/s",
        "ms" => $"{value:0.0} ms",
        "MiB" => $"{value:0.0} MiB",
        "jobs/s" => $"{value:0.0} jobs/s",
        "/job" => $"{value:0.00} per job",
        _ => $"{value:0.###} {unit}",
    };
}
