using Coordinator.Output;
using Coordinator.Vss;

namespace Coordinator.Providers;

/// <summary>Which provider the user asked for: auto (Windows VSS on Windows, the simulator elsewhere), simulated, windows.</summary>
public sealed record ProviderRequest(string Kind, string? ScenarioFile);

/// <summary>An opened VSS provider: the factory the actors use, its name, and (simulator only) its accounting.</summary>
public sealed class ProviderHandle : IDisposable
{
    public required string Name { get; init; }

    public required IVssFactory Factory { get; init; }

    /// <summary>
    /// Null except for the simulated provider: the accounting of one job (by its id), its objects and snapshots only,
    /// not those of other jobs running on the same host. Read once, when the job has ended.
    /// </summary>
    public Func<string, SimulatorAccountingDocument>? Accounting { get; init; }

    /// <summary>With <see cref="Accounting"/>: starts keeping a job's own figures, before the job starts.</summary>
    public Action<string>? BeginAccounting { get; init; }

    /// <summary>What to tell a human about the provider, e.g. that VSS is simulated on Linux.</summary>
    public required string Description { get; init; }

    public Action? OnDispose { get; init; }

    public void Dispose() => OnDispose?.Invoke();
}

/// <summary>Opens the VSS provider a command needs. The default picks by OS; tests substitute fakes.</summary>
public interface IVssProviderSource
{
    /// <exception cref="Core.CoordinatorException">A bad provider or scenario (bad input), or a provider that cannot run here (environment).</exception>
    ProviderHandle Open(ProviderRequest request);
}
