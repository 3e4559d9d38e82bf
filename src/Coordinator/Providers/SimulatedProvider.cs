using Coordinator.Core;
using Coordinator.Output;
using Coordinator.Vss.Simulated;

namespace Coordinator.Providers;

/// <summary>Opens the simulated VSS provider, from a scenario file when one is given (writers, volumes, faults, persistent state).</summary>
internal static class SimulatedProvider
{
    public static ProviderHandle Open(string? scenarioFile)
    {
        SimulatedVssHost host;
        try
        {
            host = scenarioFile is null ? new SimulatedVssHost() : SimulatedVssHost.FromScenarioFile(scenarioFile);
        }
        catch (ScenarioException ex)
        {
            // The message already says which file, which JSON path, what was expected and what was found.
            throw CoordinatorException.BadInput(ex.Message, "scenario", ex);
        }
        catch (PersistentStateFileException ex)
        {
            throw CoordinatorException.Environment($"scenario '{scenarioFile}': {ex.Message}", "scenario", ex);
        }
        catch (InvalidDataException ex)
        {
            // The state file exists but is not one the simulator wrote; the message names it and what to do.
            throw CoordinatorException.BadInput($"scenario '{scenarioFile}': {ex.Message}", "scenario", ex);
        }
        catch (IOException ex)
        {
            throw CoordinatorException.BadInput($"cannot read '{scenarioFile}': {ex.Message}", "scenario", ex);
        }
        return new ProviderHandle
        {
            Name = SimulatedVssFactory.Name,
            Factory = host.CreateFactory(),
            Description = DefaultProviderSource.SimulatedDescription,
            Accounting = jobId => ToDocument(host.AccountingOf(jobId, forget: true)),
            BeginAccounting = host.TrackRequester,
        };
    }

    public static SimulatorAccountingDocument ToDocument(SimulatorAccounting a) => new(
        a.Leaks, a.ObjectsCreated, a.ObjectsReleased, a.WriterStatusGathered, a.WriterStatusFreed,
        a.WriterMetadataGathered, a.WriterMetadataFreed, a.SnapshotsAlive, a.WrongThreadCalls);
}
