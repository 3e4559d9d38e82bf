namespace Coordinator.Vss.Simulated;

/// <summary>
/// A parsed scenario: what a simulated host looks like and which faults it injects. Built by <see cref="ScenarioParser"/>;
/// <see cref="CreateHost"/> turns it into a host. Unset parts keep the host's defaults (C:\ and D:\, the default writers).
/// </summary>
public sealed record Scenario
{
    public IReadOnlyList<string>? Volumes { get; init; }

    public IReadOnlyList<string> UnsupportedVolumes { get; init; } = [];

    /// <summary>Absolute path (the parser resolves it against the scenario file's folder).</summary>
    public string? PersistentStateFile { get; init; }

    public string? MachineName { get; init; }

    public IReadOnlyDictionary<string, TimeSpan> Latency { get; init; } = new Dictionary<string, TimeSpan>();

    public double LatencyScale { get; init; } = 1.0;

    public IReadOnlyList<CallFault> Faults { get; init; } = [];

    public IReadOnlyList<WriterFault> WriterFaults { get; init; } = [];

    /// <summary>Replaces the default writers when set.</summary>
    public IReadOnlyList<SimulatedWriter>? Writers { get; init; }

    public SimulatedVssHost CreateHost(TimeProvider? timeProvider = null)
    {
        var defaults = new SimulatedVssHostOptions();
        var host = new SimulatedVssHost(defaults with
        {
            Volumes = Volumes ?? defaults.Volumes,
            UnsupportedVolumes = UnsupportedVolumes,
            Writers = Writers ?? defaults.Writers,
            TimeProvider = timeProvider ?? TimeProvider.System,
            PersistentStateFile = PersistentStateFile,
            MachineName = MachineName ?? defaults.MachineName,
        });
        host.Latency.Scale = LatencyScale;
        foreach (var (call, latency) in Latency)
        {
            host.Latency.Set(call, latency);
        }
        // Fresh fault objects per host: a fault counts its attempts, and two hosts from one scenario must not share counts.
        foreach (var f in Faults)
        {
            host.Faults.Add(new CallFault(f.Call, f.HResult, f.Times, f.AfterCall, f.Where));
        }
        foreach (var f in WriterFaults)
        {
            host.Faults.Add(new WriterFault(f.Writer, f.Phase, f.HResult, f.Times, f.State));
        }
        return host;
    }
}
