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
    string? Executor)
{
    public const string DispatcherType = "Dispatcher";
    public const string PinnedDispatcherType = "PinnedDispatcher";
    public const string CallingThreadDispatcherType = "CallingThreadDispatcher";

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

        var lastSegment = id[(id.LastIndexOf('.') + 1)..];
        return new DispatcherSettings(
            id,
            type,
            throughput,
            apartment,
            config.GetString("thread-name-prefix", lastSegment)!,
            config.GetTimeSpan("shutdown-timeout", TimeSpan.FromSeconds(1), allowInfinite: false),
            config.GetString("executor", null));
    }
}
