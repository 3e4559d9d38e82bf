using Coordinator.Vss;

namespace Coordinator.Tests.Fakes;

/// <summary>Creates <see cref="FakeComponents"/> bound to the creating thread, like COM.</summary>
public sealed class FakeVssFactory(FakeVssHost host) : IVssFactory
{
    public string ProviderName => "simulated";

    public IVssBackupComponents CreateVssBackupComponents()
    {
        Interlocked.Increment(ref host.ObjectsCreated);
        return new FakeComponents(host);
    }
}

/// <summary>
/// Just what the executable calls directly (writers, query, delete); the backup sequence itself is the fake
/// coordinator's. Every call checks the thread, as the simulator does with RPC_E_WRONG_THREAD.
/// </summary>
public sealed class FakeComponents(FakeVssHost host) : IVssBackupComponents
{
    private readonly int _thread = Environment.CurrentManagedThreadId;
    private List<VssWriterMetadata>? _metadata;
    private List<VssWriterStatusInfo>? _status;

    private void Check()
    {
        if (Environment.CurrentManagedThreadId != _thread)
        {
            Interlocked.Increment(ref host.WrongThreadCalls);
            throw VssException.Create(HResults.RPC_E_WRONG_THREAD, "call");
        }
    }

    public void InitializeForBackup(string? bcdXml = null) => Check();

    public void SetContext(VssSnapshotContext context) => Check();

    public void SetBackupState(bool selectComponents, bool backupBootableSystemState, VssBackupType backupType, bool partialFileSupport) => Check();

    public IVssAsync GatherWriterMetadata()
    {
        Check();
        Interlocked.Increment(ref host.MetadataGathered);
        _metadata = host.Writers.ToList();
        return new DoneAsync();
    }

    public IReadOnlyList<VssWriterMetadata> WriterMetadata
    {
        get
        {
            Check();
            return _metadata ?? [];
        }
    }

    public void FreeWriterMetadata()
    {
        Check();
        Interlocked.Increment(ref host.MetadataFreed);
        _metadata = null;
    }

    public IVssAsync GatherWriterStatus()
    {
        Check();
        Interlocked.Increment(ref host.StatusGathered);
        _status = host.Writers.Select(w => new VssWriterStatusInfo(w.InstanceId, w.WriterId, w.WriterName, VssWriterState.Stable, 0)).ToList();
        return new DoneAsync();
    }

    public IReadOnlyList<VssWriterStatusInfo> WriterStatus
    {
        get
        {
            Check();
            return _status ?? [];
        }
    }

    public void FreeWriterStatus()
    {
        Check();
        Interlocked.Increment(ref host.StatusFreed);
        _status = null;
    }

    public IReadOnlyList<VssSnapshotProperties> QuerySnapshots()
    {
        Check();
        return host.Snapshots;
    }

    public int DeleteSnapshotSet(Guid snapshotSetId, bool forceDelete)
    {
        Check();
        var n = host.RemoveSet(snapshotSetId);
        return n > 0 ? n : throw VssException.Create(HResults.VSS_E_OBJECT_NOT_FOUND, "DeleteSnapshots");
    }

    public void DeleteSnapshot(Guid snapshotId, bool forceDelete)
    {
        Check();
        if (!host.RemoveSnapshot(snapshotId))
        {
            throw VssException.Create(HResults.VSS_E_OBJECT_NOT_FOUND, "DeleteSnapshots");
        }
    }

    public void Dispose()
    {
        Check();
        Interlocked.Increment(ref host.ObjectsReleased);
    }

    public void EnableWriterClasses(params Guid[] writerClassIds) => throw new NotSupportedException();
    public void DisableWriterClasses(params Guid[] writerClassIds) => throw new NotSupportedException();
    public void DisableWriterInstances(params Guid[] writerInstanceIds) => throw new NotSupportedException();
    public void AddComponent(Guid instanceId, Guid writerId, VssComponentType componentType, string? logicalPath, string componentName) => throw new NotSupportedException();
    public bool IsVolumeSupported(string volumeName, Guid providerId = default) => throw new NotSupportedException();
    public Guid StartSnapshotSet() => throw new NotSupportedException();
    public Guid AddToSnapshotSet(string volumeName, Guid providerId = default) => throw new NotSupportedException();
    public IVssAsync PrepareForBackup() => throw new NotSupportedException();
    public IVssAsync DoSnapshotSet() => throw new NotSupportedException();
    public VssSnapshotProperties GetSnapshotProperties(Guid snapshotId) => throw new NotSupportedException();
    public void SetBackupSucceeded(Guid instanceId, Guid writerId, VssComponentType componentType, string? logicalPath, string componentName, bool succeeded) => throw new NotSupportedException();
    public IVssAsync BackupComplete() => throw new NotSupportedException();
    public void AbortBackup() => throw new NotSupportedException();

    private sealed class DoneAsync : IVssAsync
    {
        public bool Wait(TimeSpan timeout) => true;
        public int QueryStatus() => HResults.VSS_S_ASYNC_FINISHED;
        public void Cancel() { }
        public void Dispose() { }
    }
}
