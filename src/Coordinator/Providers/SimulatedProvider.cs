using Coordinator.Cli;

namespace Coordinator.Providers;

/// <summary>Opens the simulated VSS provider (Coordinator.Vss.Simulated) with an optional scenario file.</summary>
internal static class SimulatedProvider
{
    public static ProviderHandle Open(string? scenarioFile)
    {
        // Wired when the vss branch (SimulatedVssHost/SimulatedVssFactory, scenario loader) is merged.
        throw CliException.Environment("the simulated VSS provider is not part of this build yet");
    }
}
