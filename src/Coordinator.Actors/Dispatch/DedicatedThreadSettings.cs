using Akka.Configuration;

namespace Coordinator.Actors.Dispatch;

/// <summary>
/// One dedicated-thread dispatcher block, read and checked once. A bad value is refused here, naming the dispatcher,
/// the key and what is allowed, so a typo in the shipped HOCON stops the first session instead of quietly giving it
/// a thread of the wrong kind. A missing key means its default.
/// </summary>
/// <param name="DispatcherId">The dispatcher's config path, as Akka hands it over under <c>id</c>.</param>
/// <param name="Apartment"><c>apartment = sta | mta</c>; default MTA (what a new .NET thread gets). Applied on Windows only.</param>
/// <param name="ThreadNamePrefix"><c>thread-name-prefix</c>; threads are named <c>&lt;prefix&gt;-&lt;n&gt;</c>. Default: the last segment of the id.</param>
/// <param name="StackSize"><c>stack-size</c> in bytes, 64 KiB to 16 MiB; default 256 KiB.</param>
/// <param name="Throughput"><c>throughput</c>, at least 1. Akka falls back to the default dispatcher's value.</param>
/// <param name="ThroughputDeadline"><c>throughput-deadline-time</c>; null when zero (Akka's fallback).</param>
/// <param name="ShutdownTimeout"><c>shutdown-timeout</c>: how long the thread outlives its actor. Akka falls back to the default dispatcher's 1 s.</param>
public sealed record DedicatedThreadSettings(
    string DispatcherId,
    ApartmentState Apartment,
    string ThreadNamePrefix,
    int StackSize,
    int Throughput,
    TimeSpan? ThroughputDeadline,
    TimeSpan ShutdownTimeout)
{
    public const int MinStackSize = 64 * 1024;
    public const int MaxStackSize = 16 * 1024 * 1024;

    /// <summary>Small, because there is one thread per session; only touched pages count against memory.</summary>
    public const int DefaultStackSize = 256 * 1024;

    public static DedicatedThreadSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        // The Config Akka hands a configurator is a CachingConfig: GetString(path, default) gives null, not the
        // default, for a missing path; so every optional string key is looked up through HasPath first.
        var id = StringOrNull(config, "id") ?? "<no id>";
        return new DedicatedThreadSettings(
            id,
            ReadApartment(config, id),
            ReadThreadNamePrefix(config, id),
            ReadStackSize(config, id),
            ReadThroughput(config, id),
            ReadThroughputDeadline(config),
            ReadShutdownTimeout(config, id));
    }

    private static ApartmentState ReadApartment(Config config, string id)
    {
        var text = StringOrNull(config, "apartment");
        return text?.Trim().ToLowerInvariant() switch
        {
            null => ApartmentState.MTA,
            "sta" => ApartmentState.STA,
            "mta" => ApartmentState.MTA,
            _ => throw Refused(id, "apartment", "sta or mta", text),
        };
    }

    private static string ReadThreadNamePrefix(Config config, string id)
    {
        var text = StringOrNull(config, "thread-name-prefix");
        if (text is null)
        {
            return id[(id.LastIndexOf('.') + 1)..];
        }
        return string.IsNullOrWhiteSpace(text)
            ? throw Refused(id, "thread-name-prefix", "a non-empty name", text)
            : text.Trim();
    }

    private static int ReadStackSize(Config config, string id)
    {
        const string allowed = "a byte size from 64 KiB to 16 MiB (e.g. 256 KiB)";
        var text = StringOrNull(config, "stack-size");
        if (text is null)
        {
            return DefaultStackSize;
        }
        long? bytes;
        try
        {
            bytes = config.GetByteSize("stack-size", null);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw Refused(id, "stack-size", allowed, text);
        }
        return bytes is >= MinStackSize and <= MaxStackSize
            ? (int)bytes.Value
            : throw Refused(id, "stack-size", allowed, text);
    }

    private static int ReadThroughput(Config config, string id)
    {
        var throughput = config.GetInt("throughput", 1);
        return throughput >= 1
            ? throughput
            : throw Refused(id, "throughput", "at least 1", throughput.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static TimeSpan? ReadThroughputDeadline(Config config)
    {
        // Akka's mailbox treats any deadline as "stop after one message", so zero must stay "none".
        var deadline = config.GetTimeSpan("throughput-deadline-time", TimeSpan.Zero);
        return deadline > TimeSpan.Zero ? deadline : null;
    }

    private static TimeSpan ReadShutdownTimeout(Config config, string id)
    {
        var timeout = config.GetTimeSpan("shutdown-timeout", TimeSpan.FromSeconds(1), allowInfinite: false);
        return timeout >= TimeSpan.Zero
            ? timeout
            : throw Refused(id, "shutdown-timeout", "zero or more", timeout.ToString());
    }

    private static string? StringOrNull(Config config, string key) =>
        config.HasPath(key) ? config.GetString(key, null) : null;

    private static ConfigurationException Refused(string id, string key, string allowed, string? got) =>
        new($"Dispatcher [{id}]: {key} must be {allowed}; got [{got}].");
}
