namespace Coordinator.Output;

/// <summary>
/// The simulated provider's accounting as the result document shows it: leaks and object/alloc counts that let a
/// script check the coordinator freed everything it gathered (Free* after every Gather*, no wrong-thread calls).
/// Per job: only the components objects made for this job and the snapshots they created count, so jobs running at
/// the same time on one server never see each other's objects as leaks.
/// </summary>
public sealed record SimulatorAccountingDocument(
    int Leaks,
    int ObjectsCreated,
    int ObjectsReleased,
    int WriterStatusGathered,
    int WriterStatusFreed,
    int WriterMetadataGathered,
    int WriterMetadataFreed,
    int SnapshotsAlive,
    int WrongThreadCalls);
