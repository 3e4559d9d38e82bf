using Coordinator.Vss;

namespace Coordinator.Tests.Fakes;

/// <summary>
/// A tiny stand-in for a VSS host: volumes, writers and the snapshots that exist. Shared by the fake factory (what
/// `writers`, `snapshots` and recovery see) and the fake coordinator (which creates snapshots).
/// </summary>
public sealed class FakeVssHost
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, VssSnapshotProperties> _snapshots = new();

    public IReadOnlyList<string> Volumes { get; init; } = ["C:\\", "D:\\"];

    public IReadOnlyList<VssWriterMetadata> Writers { get; init; } =
    [
        new(Guid.Parse("a65faa63-5ea8-4ebc-9dbd-a0c4db26912a"), Guid.Parse("11111111-2222-3333-4444-555555555555"), "SqlServerWriter", "MSSQLSERVER",
            VssUsageType.UserData, VssSourceType.TransactedDb,
            [new VssWMComponent(VssComponentType.Database, "MSSQLSERVER", "master", "master db", true,
                [], [new VssWMFileDescriptor("C:\\Data", "master.mdf", false)], [new VssWMFileDescriptor("C:\\Data", "mastlog.ldf", false)])],
            []),
        new(Guid.Parse("e8132975-6f93-4464-a53e-1050253ae220"), Guid.Parse("66666666-7777-8888-9999-000000000000"), "System Writer", null,
            VssUsageType.BootableSystemState, VssSourceType.Other, [], []),
    ];

    public int ObjectsCreated;
    public int ObjectsReleased;
    public int WrongThreadCalls;
    public int MetadataGathered;
    public int MetadataFreed;
    public int StatusGathered;
    public int StatusFreed;

    public void AddSnapshots(Guid setId, IEnumerable<(string Volume, Guid SnapshotId)> snapshots, bool persistent)
    {
        lock (_lock)
        {
            var list = snapshots.ToList();
            var n = _snapshots.Count;
            foreach (var (volume, id) in list)
            {
                n++;
                _snapshots[id] = new VssSnapshotProperties(id, setId, list.Count, $"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy{n}", volume,
                    "fakehost", DateTimeOffset.UtcNow, Guid.Empty, VssSnapshotContext.Backup, persistent);
            }
        }
    }

    public IReadOnlyList<VssSnapshotProperties> Snapshots
    {
        get
        {
            lock (_lock)
            {
                return _snapshots.Values.ToList();
            }
        }
    }

    public int RemoveSet(Guid setId)
    {
        lock (_lock)
        {
            var ids = _snapshots.Values.Where(s => s.SnapshotSetId == setId).Select(s => s.SnapshotId).ToList();
            ids.ForEach(id => _snapshots.Remove(id));
            return ids.Count;
        }
    }

    public bool RemoveSnapshot(Guid id)
    {
        lock (_lock)
        {
            return _snapshots.Remove(id);
        }
    }
}
