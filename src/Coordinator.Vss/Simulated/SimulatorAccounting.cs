namespace Coordinator.Vss.Simulated;

/// <summary>
/// A snapshot of what happened on a simulated host, for tests and the CLI. A <see cref="Leaks"/> of 0 after a run means the
/// requester freed everything it gathered, released every object and left no snapshot behind that it did not ask to keep.
/// </summary>
/// <param name="Calls">Calls per method (<see cref="VssCallNames"/>), counting every attempt, failed or not.</param>
/// <param name="SnapshotsAlive">Every snapshot on the host, persistent or not.</param>
/// <param name="PersistentSnapshotsAlive">The persistent ones among them (kept by request: not leaks).</param>
/// <param name="WrongThreadCalls">Calls made from a thread other than the object's creator (RPC_E_WRONG_THREAD), Dispose included.</param>
/// <param name="StateViolations">Calls rejected as out of sequence (VSS_E_BAD_STATE from the state machine) or made on a disposed object.</param>
public sealed record SimulatorAccounting(
    IReadOnlyDictionary<string, int> Calls,
    int ObjectsCreated,
    int ObjectsReleased,
    int WriterStatusGathered,
    int WriterStatusFreed,
    int WriterMetadataGathered,
    int WriterMetadataFreed,
    int SnapshotsAlive,
    int PersistentSnapshotsAlive,
    int WrongThreadCalls,
    int StateViolations)
{
    public int CallsOf(string call) => Calls.GetValueOrDefault(call);

    public int StatusNotFreed => WriterStatusGathered - WriterStatusFreed;

    public int MetadataNotFreed => WriterMetadataGathered - WriterMetadataFreed;

    public int ObjectsNotReleased => ObjectsCreated - ObjectsReleased;

    /// <summary>Non-persistent snapshots still alive: they belong to objects not yet released.</summary>
    public int NonPersistentSnapshotsAlive => SnapshotsAlive - PersistentSnapshotsAlive;

    /// <summary>Gathered-not-freed (status and metadata) + created-not-released + non-persistent snapshots left behind.</summary>
    public int Leaks => StatusNotFreed + MetadataNotFreed + ObjectsNotReleased + NonPersistentSnapshotsAlive;

    public override string ToString() =>
        $"objects {ObjectsCreated} created / {ObjectsReleased} released; writer status {WriterStatusGathered} gathered / {WriterStatusFreed} freed; "
        + $"metadata {WriterMetadataGathered} gathered / {WriterMetadataFreed} freed; snapshots alive {SnapshotsAlive} ({PersistentSnapshotsAlive} persistent); "
        + $"wrong-thread calls {WrongThreadCalls}; state violations {StateViolations}; leaks {Leaks}";
}
