namespace Coordinator.Actors.Jobs;

/// <summary>
/// Where the coordinator records snapshot sets so a crash never leaves an unknown shadow copy behind.
/// <see cref="RecordSnapshotSet"/> is called before DoSnapshotSet starts; the executable implements it with SQLite.
/// </summary>
public interface ISnapshotJournal
{
    void RecordSnapshotSet(string jobId, Guid snapshotSetId, IReadOnlyList<(string Volume, Guid SnapshotId)> snapshots, bool persistent);

    /// <summary>The set no longer exists: released with its components object, aborted, or deleted.</summary>
    void MarkSnapshotSetGone(Guid snapshotSetId, string how);
}

/// <summary>A journal that remembers nothing, for one-shot runs without persistence and for tests.</summary>
public sealed class NullSnapshotJournal : ISnapshotJournal
{
    public static NullSnapshotJournal Instance { get; } = new();

    public void RecordSnapshotSet(string jobId, Guid snapshotSetId, IReadOnlyList<(string Volume, Guid SnapshotId)> snapshots, bool persistent)
    {
    }

    public void MarkSnapshotSetGone(Guid snapshotSetId, string how)
    {
    }
}
