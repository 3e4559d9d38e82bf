using System.Globalization;
using Akka.Configuration;

namespace Coordinator.Actors;

/// <summary>
/// Reads one section of an Akka <see cref="Config"/> with defaults for absent keys and errors that name the full
/// path and what is allowed. Akka's own getters either return null for a missing string or throw a message without
/// the key, so settings (the actors' and the executable's) go through here.
/// </summary>
public readonly struct ConfigReader(Config? config, string path)
{
    private string Full(string key) => path.Length == 0 ? key : $"{path}.{key}";

    private bool Has(string key) => config is not null && !config.IsEmpty && config.HasPath(Full(key));

    private string Raw(string key) => config!.GetString(Full(key)) ?? "";

    public ConfigReader Section(string key) => new(config, Full(key));

    public string String(string key, string fallback)
    {
        if (!Has(key))
        {
            return fallback;
        }
        var value = Raw(key);
        return value.Length > 0 ? value : throw Bad(key, value, "a non-empty string");
    }

    /// <summary>
    /// The id of a dispatcher configured in the same config (a section with a <c>type</c>): a session or gate started on a
    /// dispatcher that does not exist would fail only when the first job starts.
    /// </summary>
    public string Dispatcher(string key, string fallback)
    {
        var id = String(key, fallback);
        bool configured;
        try
        {
            configured = IsDispatcher(config, id) || IsDispatcher(AkkaDefaults.Value, id);
        }
        catch (Exception)
        {
            // Not a path at all (e.g. "a..b"): Akka's path parser refuses it.
            configured = false;
        }
        return configured ? id : throw Bad(key, id, "the path of a dispatcher configured in the akka section, e.g. akka.actor.vss-session-dispatcher");
    }

    /// <summary>Akka's own reference config, where its dispatchers (akka.actor.default-dispatcher, ...) are defined.</summary>
    private static readonly Lazy<Config> AkkaDefaults = new(ConfigurationFactory.Default);

    private static bool IsDispatcher(Config? config, string id) =>
        config is not null && !config.IsEmpty && config.HasPath(id) && config.GetConfig(id) is { IsEmpty: false } section && section.HasPath("type");

    /// <summary>Null when absent or empty (an environment variable set to nothing unsets the key).</summary>
    public string? OptionalString(string key) => Has(key) && Raw(key) is { Length: > 0 } value ? value : null;

    /// <param name="max">The longest value allowed (see <see cref="DurationLimits"/>).</param>
    public TimeSpan Positive(string key, TimeSpan fallback, TimeSpan max)
    {
        if (!Has(key))
        {
            return fallback;
        }
        TimeSpan value;
        try
        {
            value = config!.GetTimeSpan(Full(key), null, allowInfinite: false);
        }
        catch (Exception)
        {
            // Akka's messages do not name the key; ours does.
            throw Bad(key, Raw(key), "a duration like 500ms, 90s, 5m or 1h");
        }
        if (value <= TimeSpan.Zero)
        {
            throw Bad(key, Raw(key), "a positive duration like 500ms, 90s, 5m or 1h");
        }
        return value <= max ? value : throw Bad(key, Raw(key), $"a duration of at most {DurationLimits.Describe(max)}");
    }

    public int Int(string key, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        if (!Has(key))
        {
            return fallback;
        }
        var text = Raw(key);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Bad(key, text, max == int.MaxValue ? $"a whole number ≥ {min}" : $"a whole number from {min} to {max}");
    }

    public double Double(string key, double fallback, double min, double max)
    {
        if (!Has(key))
        {
            return fallback;
        }
        var text = Raw(key);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Bad(key, text, $"a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
    }

    public TEnum Enum<TEnum>(string key, TEnum fallback)
        where TEnum : struct, Enum
    {
        if (!Has(key))
        {
            return fallback;
        }
        var text = Raw(key);
        return System.Enum.TryParse<TEnum>(text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw Bad(key, text, string.Join(" | ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant())));
    }

    /// <summary>The value is quoted shortened: a megabyte of environment variable must not become a megabyte of message.</summary>
    private ConfigurationException Bad(string key, string value, string expected) =>
        new($"{Full(key)} = '{(value.Length <= 60 ? value : value[..57] + "...")}' is not valid: expected {expected}");
}
