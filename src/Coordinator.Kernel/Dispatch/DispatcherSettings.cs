using Coordinator.Kernel.Configuration;

namespace Coordinator.Kernel.Dispatch;

/// <summary>INTERNAL API. The settings of one <c>akka.actor.&lt;id&gt;</c> dispatcher block.</summary>
internal sealed record DispatcherSettings(
    string Id,
    string Type,
    int Throughput,
    ApartmentState Apartment,
    string ThreadNamePrefix,
    TimeSpan ShutdownTimeout,
    string? Executor,
    int StackSize)
{
    public const string DispatcherType = "Dispatcher";
    public const string PinnedDispatcherType = "PinnedDispatcher";
    public const string CallingThreadDispatcherType = "CallingThreadDispatcher";

    /// <summary>Smallest and largest <c>stack-size</c> accepted for a pinned dispatcher's threads.</summary>
    public const int MinStackSize = 64 * 1024;
    public const int MaxStackSize = 16 * 1024 * 1024;

    public static DispatcherSettings FromConfig(string id, Config config)
    {
        var type = config.GetString("type", DispatcherType)!;
        if (type != DispatcherType && type != PinnedDispatcherType && type != CallingThreadDispatcherType)
        {
            throw new ConfigurationException(
                $"Dispatcher [{id}]: unknown type [{type}]; expected {DispatcherType}, {PinnedDispatcherType} or {CallingThreadDispatcherType}.");
        }

        var apartmentText = config.GetString("apartment", null)?.ToLowerInvariant();
        var apartment = apartmentText switch
        {
            null or "" or "none" => ApartmentState.Unknown,
            "sta" => ApartmentState.STA,
            "mta" => ApartmentState.MTA,
            _ => throw new ConfigurationException($"Dispatcher [{id}]: apartment must be sta or mta, not [{apartmentText}]."),
        };

        var throughput = config.GetInt("throughput", 30);
        if (throughput < 1)
        {
            throw new ConfigurationException($"Dispatcher [{id}]: throughput must be at least 1, not {throughput}.");
        }

        var stackSize = config.GetByteSize("stack-size") ?? DedicatedThreadExecutorService.DefaultStackSize;
        if (stackSize is < MinStackSize or > MaxStackSize)
        {
            throw new ConfigurationException(
                $"Dispatcher [{id}]: stack-size must be between 64 KiB and 16 MiB, not {stackSize} bytes.");
        }

        var lastSegment = id[(id.LastIndexOf('.') + 1)..];
        return new DispatcherSettings(
            id,
            type,
            throughput,
            apartment,
            config.GetString("thread-name-prefix", lastSegment)!,
            config.GetTimeSpan("shutdown-timeout", TimeSpan.FromSeconds(1), allowInfinite: false),
            config.GetString("executor", null),
            (int)stackSize);
    }
}
