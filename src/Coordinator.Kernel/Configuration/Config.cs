using System.Globalization;

namespace Coordinator.Kernel.Configuration;

/// <summary>
/// A resolved, immutable HOCON configuration, read by dotted paths (<c>akka.actor.default-dispatcher.throughput</c>;
/// quote keys containing dots: <c>a."b.c"</c>). Shaped like Akka.NET's <c>Akka.Configuration.Config</c>:
/// getters return the default when the path is missing or null, and throw <see cref="ConfigurationException"/>
/// when the value exists but has the wrong type.
/// </summary>
public sealed class Config
{
    /// <summary>Wraps a resolved tree (normally obtained from <see cref="ConfigurationFactory"/>).</summary>
    public Config(HoconObject root)
    {
        Root = root ?? throw new ArgumentNullException(nameof(root));
    }

    /// <summary>A config with no keys.</summary>
    public static Config Empty { get; } = new(new HoconObject(HoconPosition.None));

    /// <summary>The root object.</summary>
    public HoconObject Root { get; }

    /// <summary>True when the config has no keys.</summary>
    public bool IsEmpty => Root.Count == 0;

    /// <summary>Parses HOCON text (Akka allows <c>Config c = "a = 1";</c>).</summary>
    public static implicit operator Config(string hocon) => ConfigurationFactory.ParseString(hocon);

    /// <summary>The top-level fields, in definition order.</summary>
    public IEnumerable<KeyValuePair<string, HoconValue>> AsEnumerable() => Root.Items;

    /// <summary>The value at <paramref name="path"/>, or null when missing.</summary>
    public HoconValue? GetValue(string path)
    {
        HoconValue current = Root;
        foreach (var key in HoconPath.Parse(path))
        {
            if (current is not HoconObject obj || !obj.TryGetValue(key, out current!))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/> exists and is not null.</summary>
    public bool HasPath(string path) => GetValue(path) is { Type: not HoconValueType.Null };

    /// <summary>The text at <paramref name="path"/> (numbers and booleans as written).</summary>
    public string? GetString(string path, string? @default = null)
    {
        var value = GetValue(path);
        return value is null || value.Type == HoconValueType.Null ? @default : Literal(path, value, "a string");
    }

    /// <summary>Reads a 32-bit integer.</summary>
    public int GetInt(string path, int @default = 0) =>
        Read(path, @default, "an integer", text => (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v), v));

    /// <summary>Reads a 64-bit integer.</summary>
    public long GetLong(string path, long @default = 0) =>
        Read(path, @default, "an integer", text => (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v), v));

    /// <summary>Reads a floating-point number.</summary>
    public double GetDouble(string path, double @default = 0) =>
        Read(path, @default, "a number", text => (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v), v));

    /// <summary>Reads true/false, on/off, yes/no (any case).</summary>
    public bool GetBoolean(string path, bool @default = false) =>
        Read(path, @default, "a boolean (true/false, on/off, yes/no)", text => text.ToLowerInvariant() switch
        {
            "true" or "on" or "yes" => (true, true),
            "false" or "off" or "no" => (true, false),
            _ => (false, false),
        });

    /// <summary>
    /// Reads a duration (<c>30s</c>, <c>500ms</c>, <c>5 minutes</c>; a bare number is milliseconds).
    /// <c>infinite</c> gives <see cref="Timeout.InfiniteTimeSpan"/> unless <paramref name="allowInfinite"/> is false.
    /// </summary>
    public TimeSpan GetTimeSpan(string path, TimeSpan? @default = null, bool allowInfinite = true)
    {
        var value = GetValue(path);
        if (value is null || value.Type == HoconValueType.Null)
        {
            return @default ?? TimeSpan.Zero;
        }

        var text = Literal(path, value, "a duration");
        return HoconDuration.TryParse(text, allowInfinite, out var result, out var error)
            ? result
            : throw new ConfigurationException($"{value.Position}: {path}: {error}");
    }

    /// <summary>Reads a size in bytes (<c>64 KiB</c>, <c>10MB</c>, <c>512</c>); null when missing.</summary>
    public long? GetByteSize(string path)
    {
        var value = GetValue(path);
        if (value is null || value.Type == HoconValueType.Null)
        {
            return null;
        }

        var text = Literal(path, value, "a size");
        return HoconSize.TryParse(text, out var result, out var error)
            ? result
            : throw new ConfigurationException($"{value.Position}: {path}: {error}");
    }

    /// <summary>The sub-tree at <paramref name="path"/>; <see cref="Empty"/> when missing.</summary>
    public Config GetConfig(string path)
    {
        var value = GetValue(path);
        return value switch
        {
            null or { Type: HoconValueType.Null } => Empty,
            HoconObject obj => new Config(obj),
            _ => throw new ConfigurationException($"{value.Position}: {path}: expected an object, found {value.Describe()}"),
        };
    }

    /// <summary>The list at <paramref name="path"/> as strings; empty when missing.</summary>
    public IList<string> GetStringList(string path)
    {
        var value = GetValue(path);
        if (value is null || value.Type == HoconValueType.Null)
        {
            return [];
        }

        if (value is not HoconArray array)
        {
            throw new ConfigurationException($"{value.Position}: {path}: expected a list, found {value.Describe()}");
        }

        return [.. array.Items.Select((item, i) => Literal($"{path}[{i}]", item, "a string"))];
    }

    /// <summary>
    /// A config where the keys of this one win and <paramref name="fallback"/> fills in the rest; objects
    /// present in both are merged key by key.
    /// </summary>
    public Config WithFallback(Config fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        if (fallback.IsEmpty || ReferenceEquals(fallback, this))
        {
            return this;
        }

        return IsEmpty ? fallback : new Config(HoconObject.Merge(fallback.Root, Root));
    }

    /// <summary>The config as HOCON text.</summary>
    public override string ToString() => HoconRenderer.Render(Root);

    private T Read<T>(string path, T @default, string expected, Func<string, (bool Ok, T Value)> parse)
    {
        var value = GetValue(path);
        if (value is null || value.Type == HoconValueType.Null)
        {
            return @default;
        }

        var text = Literal(path, value, expected);
        var (ok, result) = parse(text.Trim());
        return ok ? result : throw new ConfigurationException($"{value.Position}: {path}: expected {expected}, found '{text}'");
    }

    private static string Literal(string path, HoconValue value, string expected) =>
        value is HoconLiteral { Value: not null } literal
            ? literal.Value
            : throw new ConfigurationException($"{value.Position}: {path}: expected {expected}, found {value.Describe()}");
}
