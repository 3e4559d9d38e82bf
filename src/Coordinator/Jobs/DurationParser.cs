using System.Globalization;
using System.Text.RegularExpressions;

namespace Coordinator.Jobs;

/// <summary>Parses durations as users type them: "90s", "10m", "1h30m", "500ms", or a .NET TimeSpan ("00:10:00").</summary>
public static partial class DurationParser
{
    [GeneratedRegex(@"^(?:(?<v>\d+(?:\.\d+)?)(?<u>ms|h|m|s|d))+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Compound();

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var trimmed = text.Trim();
        var match = Compound().Match(trimmed);
        if (match.Success)
        {
            var total = TimeSpan.Zero;
            var values = match.Groups["v"].Captures;
            var units = match.Groups["u"].Captures;
            for (var i = 0; i < values.Count; i++)
            {
                var number = double.Parse(values[i].Value, CultureInfo.InvariantCulture);
                total += units[i].Value.ToLowerInvariant() switch
                {
                    "ms" => TimeSpan.FromMilliseconds(number),
                    "s" => TimeSpan.FromSeconds(number),
                    "m" => TimeSpan.FromMinutes(number),
                    "h" => TimeSpan.FromHours(number),
                    _ => TimeSpan.FromDays(number),
                };
            }
            value = total;
            return total > TimeSpan.Zero;
        }
        if (trimmed.Contains(':') && TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            value = span;
            return true;
        }
        return false;
    }
}
