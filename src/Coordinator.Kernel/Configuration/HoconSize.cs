using System.Globalization;

namespace Coordinator.Kernel.Configuration;

/// <summary>HOCON sizes in bytes: <c>512</c>, <c>10 kB</c> (1000), <c>10K</c>/<c>10KiB</c> (1024), up to terabytes.</summary>
public static class HoconSize
{
    private static readonly Dictionary<string, long> _bytesPerUnit = BuildUnits();

    /// <summary>Parses <paramref name="text"/>; returns false and an explanation otherwise.</summary>
    public static bool TryParse(string text, out long value, out string error)
    {
        value = 0;
        var trimmed = text.Trim();
        var split = 0;
        while (split < trimmed.Length && (char.IsAsciiDigit(trimmed[split]) || trimmed[split] is '.' or '-'))
        {
            split++;
        }

        var unit = trimmed[split..].Trim();
        if (split == 0
            || !decimal.TryParse(trimmed.AsSpan(0, split), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || !_bytesPerUnit.TryGetValue(unit, out var bytesPerUnit))
        {
            error = $"'{text}' is not a size; write a number and a unit: B, kB, KiB (or K), MB, MiB (or M), GB, GiB (or G), TB, TiB (or T)";
            return false;
        }

        try
        {
            value = checked((long)decimal.Round(number * bytesPerUnit));
        }
        catch (OverflowException)
        {
            error = $"'{text}' is out of range for a size";
            return false;
        }

        error = string.Empty;
        return true;
    }

    private static Dictionary<string, long> BuildUnits()
    {
        var units = new Dictionary<string, long>(StringComparer.Ordinal);
        void Add(long bytes, params string[] names)
        {
            foreach (var name in names)
            {
                units[name] = bytes;
            }
        }

        Add(1, "", "B", "b", "byte", "bytes");
        string[] powers = ["k", "m", "g", "t"];
        string[] decimalNames = ["kilo", "mega", "giga", "tera"];
        string[] binaryNames = ["kibi", "mebi", "gibi", "tebi"];
        long si = 1, binary = 1;
        for (var i = 0; i < powers.Length; i++)
        {
            si *= 1000;
            binary *= 1024;
            var upper = powers[i].ToUpperInvariant();
            var siPrefix = i == 0 ? "k" : upper;
            Add(si, siPrefix + "B", decimalNames[i] + "byte", decimalNames[i] + "bytes");
            Add(binary, upper, powers[i], upper + "i", upper + "iB", binaryNames[i] + "byte", binaryNames[i] + "bytes");
        }

        return units;
    }
}
