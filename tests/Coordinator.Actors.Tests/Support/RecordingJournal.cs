using Coordinator.Actors.Jobs;

namespace Coordinator.Actors.Tests.Support;

/// <summary>Remembers what the session journaled, in order, to check "journaled before DoSnapshotSet".</summary>
public sealed class RecordingJournal : ISnapshotJournal
{
    private readonly List<string> _events = [];

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_events)
            {
                return _events.ToList();
            }
        }
    }

    public Action<Guid>? OnRecorded { get; set; }

    public void RecordSnapshotSet(string jobId, Guid snapshotSetId, IReadOnlyList<(string Volume, Guid SnapshotId)> snapshots, bool persistent)
    {
        lock (_events)
        {
            _events.Add($"recorded {snapshotSetId} {snapshots.Count} persistent={persistent}");
        }
        OnRecorded?.Invoke(snapshotSetId);
    }

    public void MarkSnapshotSetGone(Guid snapshotSetId, string how)
    {
        lock (_events)
        {
            _events.Add($"gone {snapshotSetId} {how}");
        }
    }
}
