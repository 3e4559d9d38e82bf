using Coordinator.Vss;

namespace Coordinator.Actors.Tests.Support;

/// <summary>One recorded components object; see <see cref="RecordingVssFactory"/>.</summary>
public sealed class RecordingComponents(IVssBackupComponents inner, RecordingVssFactory owner) : IVssBackupComponents
{
    private static readonly HashSet<string> Exclusive = ["GatherWriterMetadata", "BackupComplete", "GatherWriterStatus"];
    private readonly List<string> _calls = [];
    private readonly HashSet<int> _threads = [];
    private string? _inFlight;

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_calls)
            {
                return _calls.ToList();
            }
        }
    }

    public IReadOnlyCollection<int> Threads
    {
        get
        {
            lock (_calls)
            {
                return _threads.ToList();
            }
        }
    }

    private T Record<T>(string name, Func<T> call)
    {
        lock (_calls)
        {
            _calls.Add(name);
            _threads.Add(Environment.CurrentManagedThreadId);
        }
        return call();
    }

    private void Record(string name, Action call) => Record<object?>(name, () => { call(); return null; });

    private IVssAsync Async(string name, Func<IVssAsync> start)
    {
        if (Exclusive.Contains(name) && _inFlight is not null)
        {
            owner.Violation($"{name} started while {_inFlight} was in flight");
        }
        var operation = Record(name, start);
        if (Exclusive.Contains(name))
        {
            _inFlight = name;
        }
        return new RecordingAsync(operation, () =>
        {
            if (_inFlight == name)
            {
                _inFlight = null;
            }
        });
    }

    public void InitializeForBackup(string? bcdXml = null) => Record(nameof(InitializeForBackup), () => inner.InitializeForBackup(bcdXml));
    public void SetContext(VssSnapshotContext context) => Record(nameof(SetContext), () => inner.SetContext(context));
    public void SetBackupState(bool selectComponents, bool backupBootableSystemState, VssBackupType backupType, bool partialFileSupport) =>
        Record(nameof(SetBackupState), () => inner.SetBackupState(selectComponents, backupBootableSystemState, backupType, partialFileSupport));
    public IVssAsync GatherWriterMetadata() => Async(nameof(GatherWriterMetadata), inner.GatherWriterMetadata);
    public IReadOnlyList<VssWriterMetadata> WriterMetadata => Record(nameof(WriterMetadata), () => inner.WriterMetadata);
    public void FreeWriterMetadata() => Record(nameof(FreeWriterMetadata), inner.FreeWriterMetadata);
    public void EnableWriterClasses(params Guid[] writerClassIds) => Record(nameof(EnableWriterClasses), () => inner.EnableWriterClasses(writerClassIds));
    public void DisableWriterClasses(params Guid[] writerClassIds) => Record(nameof(DisableWriterClasses), () => inner.DisableWriterClasses(writerClassIds));
    public void DisableWriterInstances(params Guid[] writerInstanceIds) => Record(nameof(DisableWriterInstances), () => inner.DisableWriterInstances(writerInstanceIds));
    public void AddComponent(Guid instanceId, Guid writerId, VssComponentType componentType, string? logicalPath, string componentName) =>
        Record(nameof(AddComponent), () => inner.AddComponent(instanceId, writerId, componentType, logicalPath, componentName));
    public bool IsVolumeSupported(string volumeName, Guid providerId = default) => Record(nameof(IsVolumeSupported), () => inner.IsVolumeSupported(volumeName, providerId));
    public Guid StartSnapshotSet() => Record(nameof(StartSnapshotSet), inner.StartSnapshotSet);
    public Guid AddToSnapshotSet(string volumeName, Guid providerId = default) => Record(nameof(AddToSnapshotSet), () => inner.AddToSnapshotSet(volumeName, providerId));
    public IVssAsync PrepareForBackup() => Async(nameof(PrepareForBackup), inner.PrepareForBackup);
    public IVssAsync DoSnapshotSet() => Async(nameof(DoSnapshotSet), inner.DoSnapshotSet);
    public VssSnapshotProperties GetSnapshotProperties(Guid snapshotId) => Record(nameof(GetSnapshotProperties), () => inner.GetSnapshotProperties(snapshotId));
    public void SetBackupSucceeded(Guid instanceId, Guid writerId, VssComponentType componentType, string? logicalPath, string componentName, bool succeeded) =>
        Record(succeeded ? "SetBackupSucceeded(true)" : "SetBackupSucceeded(false)", () => inner.SetBackupSucceeded(instanceId, writerId, componentType, logicalPath, componentName, succeeded));
    public IVssAsync BackupComplete() => Async(nameof(BackupComplete), inner.BackupComplete);
    public IVssAsync GatherWriterStatus() => Async(nameof(GatherWriterStatus), inner.GatherWriterStatus);
    public IReadOnlyList<VssWriterStatusInfo> WriterStatus => Record(nameof(WriterStatus), () => inner.WriterStatus);
    public void FreeWriterStatus() => Record(nameof(FreeWriterStatus), inner.FreeWriterStatus);
    public void AbortBackup() => Record(nameof(AbortBackup), inner.AbortBackup);
    public void DeleteSnapshot(Guid snapshotId, bool forceDelete) => Record(nameof(DeleteSnapshot), () => inner.DeleteSnapshot(snapshotId, forceDelete));
    public int DeleteSnapshotSet(Guid snapshotSetId, bool forceDelete) => Record(nameof(DeleteSnapshotSet), () => inner.DeleteSnapshotSet(snapshotSetId, forceDelete));
    public IReadOnlyList<VssSnapshotProperties> QuerySnapshots() => Record(nameof(QuerySnapshots), inner.QuerySnapshots);
    public void Dispose() => Record(nameof(Dispose), inner.Dispose);

    private sealed class RecordingAsync(IVssAsync inner, Action finished) : IVssAsync
    {
        public bool Wait(TimeSpan timeout)
        {
            var done = inner.Wait(timeout);
            if (done)
            {
                finished();
            }
            return done;
        }

        public int QueryStatus() => inner.QueryStatus();

        public void Cancel() => inner.Cancel();

        public void Dispose()
        {
            finished();
            inner.Dispose();
        }
    }
}
