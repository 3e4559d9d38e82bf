using Coordinator.Actors.Jobs;
using Coordinator.Cli;
using Coordinator.Providers;

namespace Coordinator.Jobs;

/// <summary>
/// Builds the coordinator (the actors) over an opened provider and the journal. One seam, so the executable wires
/// the real actors and tests a fake.
/// </summary>
public interface IBackupCoordinatorFactory
{
    IBackupCoordinator Create(ProviderHandle provider, ISnapshotJournal journal);
}

/// <summary>The actors' coordinator.</summary>
public sealed class ActorsCoordinatorFactory : IBackupCoordinatorFactory
{
    public IBackupCoordinator Create(ProviderHandle provider, ISnapshotJournal journal) =>
        // Wired when the actors' IBackupCoordinator implementation is merged into main.
        throw CliException.Environment("the actor coordinator is not part of this build yet");
}
