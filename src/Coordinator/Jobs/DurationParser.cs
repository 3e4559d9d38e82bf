using System.Globalization;
using System.Text.RegularExpressions;
using Coordinator.Actors;

namespace Coordinator.Jobs;

/// <summary>
/// Parses durations as users type them: "90s", "10m", "1h30m", "500ms", or a .NET TimeSpan ("00:10:00"). A job
/// timeout is at most <see cref="DurationLimits.JobTimeout"/>: the sum is checked before any TimeSpan is made, so no
/// input overflows.
/// </summary>
public static partial class DurationParser
{
    [GeneratedRegex(@"^(?:(?<v>\d+(?:\.\d+)?)(?<u>ms|h|m|s|d))+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Compound();

    public static bool TryParse(string? text, out TimeSpan value) => TryParse(text, DurationLimits.JobTimeout, out value, out _);

    /// <summary>Parses a positive duration of at most <paramref name="max"/>.</summary>
    /// <param name="error">Why it is refused, to follow the value in a message ("is not a duration: use e.g. 90s, 10m, 1h30m").</param>
    public static bool TryParse(string? text, TimeSpan max, out TimeSpan value, out string error)
    {
        value = default;
        error = "is not a duration: use e.g. 90s, 10m, 1h30m";
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var trimmed = text.Trim();
        double milliseconds;
        var match = Compound().Match(trimmed);
        if (match.Success)
        {
            milliseconds = 0;
            var values = match.Groups["v"].Captures;
            var units = match.Groups["u"].Captures;
            for (var i = 0; i < values.Count; i++)
            {
                var number = double.Parse(values[i].Value, CultureInfo.InvariantCulture);
                milliseconds += number * units[i].Value.ToLowerInvariant() switch
                {
                    "ms" => 1,
                    "s" => 1_000,
                    "m" => 60_000,
                    "h" => 3_600_000,
                    _ => 86_400_000,
                };
            }
        }
        else if (trimmed.Contains(':') && TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var span))
        {
            milliseconds = span.TotalMilliseconds;
        }
        else
        {
            return false;
        }
        if (!(milliseconds <= max.TotalMilliseconds))
        {
            error = $"is too long: at most {DurationLimits.Describe(max)}";
            return false;
        }
        value = TimeSpan.FromMilliseconds(milliseconds);
        if (value <= TimeSpan.Zero)
        {
            error = "is not a positive duration: use e.g. 90s, 10m, 1h30m";
            return false;
        }
        return true;
    }
}
