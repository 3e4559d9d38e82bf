namespace Coordinator.Vss.Simulated;

/// <summary>A shadow copy that exists on the simulated host.</summary>
/// <param name="Owner">The components object whose release deletes it (auto-release); null for persistent snapshots.</param>
internal sealed record SimulatedSnapshot(VssSnapshotProperties Properties, SimulatedBackupComponents? Owner)
{
    public Guid Id => Properties.SnapshotId;

    /// <summary>Who the creating object was made for (a job), when known; a persistent snapshot loaded from the state file has none.</summary>
    public string? Requester { get; init; }
}
