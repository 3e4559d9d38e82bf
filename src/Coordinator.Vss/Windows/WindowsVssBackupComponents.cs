using System.Runtime.Versioning;
using Coordinator.Vss.Windows.Interop;

namespace Coordinator.Vss.Windows;

/// <summary>
/// <see cref="IVssBackupComponents"/> over the COM object from CreateVssBackupComponentsInternal. Every
/// call goes through the vtable slot named in <see cref="IVssBackupComponentsSlots"/>. Parameter types
/// follow vsbackup.h exactly: MIDL <c>boolean</c> is one byte, <c>WINBOOL</c> four, VSS_ID a GUID by value.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed unsafe class WindowsVssBackupComponents : IVssBackupComponents
{
    private const int VSS_OBJECT_NONE = 1;
    private const int VSS_OBJECT_SNAPSHOT_SET = 2;
    private const int VSS_OBJECT_SNAPSHOT = 3;
    private const int S_FALSE = 1;

    private readonly ComRef _components;
    private IReadOnlyList<VssWriterMetadata>? _writerMetadata;
    private IReadOnlyList<VssWriterStatusInfo>? _writerStatus;

    public WindowsVssBackupComponents(nint pointer) => _components = new ComRef(pointer, "IVssBackupComponents");

    private nint This => _components.Pointer;

    public void InitializeForBackup(string? bcdXml = null)
    {
        var bstr = Bstr.Allocate(bcdXml);
        try
        {
            var fn = (delegate* unmanaged[Stdcall]<nint, nint, int>)Slot(IVssBackupComponentsSlots.InitializeForBackup);
            Hr.Check(fn(This, bstr), "InitializeForBackup");
        }
        finally
        {
            Bstr.Free(bstr);
        }
    }

    public void SetContext(VssSnapshotContext context)
    {
        var fn = (delegate* unmanaged[Stdcall]<nint, int, int>)Slot(IVssBackupComponentsSlots.SetContext);
        Hr.Check(fn(This, (int)context), "SetContext", detail: context.ToString());
    }

    public void SetBackupState(bool selectComponents, bool backupBootableSystemState, VssBackupType backupType, bool partialFileSupport)
    {
        var fn = (delegate* unmanaged[Stdcall]<nint, byte, byte, int, byte, int>)Slot(IVssBackupComponentsSlots.SetBackupState);
        Hr.Check(
            fn(This, Hr.ToBoolean(selectComponents), Hr.ToBoolean(backupBootableSystemState), (int)backupType, Hr.ToBoolean(partialFileSupport)),
            "SetBackupState");
    }

    public IVssAsync GatherWriterMetadata()
    {
        _writerMetadata = null;
        return StartAsync(IVssBackupComponentsSlots.GatherWriterMetadata, "GatherWriterMetadata");
    }

    /// <summary>Read on first use after GatherWriterMetadata completed, then kept until FreeWriterMetadata.</summary>
    public IReadOnlyList<VssWriterMetadata> WriterMetadata => _writerMetadata ??= ReadWriterMetadata();

    public void FreeWriterMetadata()
    {
        var fn = (delegate* unmanaged[Stdcall]<nint, int>)Slot(IVssBackupComponentsSlots.FreeWriterMetadata);
        Hr.Check(fn(This), "FreeWriterMetadata");
        _writerMetadata = null;
    }

    public void EnableWriterClasses(params Guid[] writerClassIds) =>
        CallWithGuids(IVssBackupComponentsSlots.EnableWriterClasses, "EnableWriterClasses", writerClassIds);

    public void DisableWriterClasses(params Guid[] writerClassIds) =>
        CallWithGuids(IVssBackupComponentsSlots.DisableWriterClasses, "DisableWriterClasses", writerClassIds);

    public void DisableWriterInstances(params Guid[] writerInstanceIds) =>
        CallWithGuids(IVssBackupComponentsSlots.DisableWriterInstances, "DisableWriterInstances", writerInstanceIds);

    public void AddComponent(Guid instanceId, Guid writerId, VssComponentType componentType, string? logicalPath, string componentName)
    {
        ArgumentNullException.ThrowIfNull(componentName);
        var fn = (delegate* unmanaged[Stdcall]<nint, Guid, Guid, int, char*, char*, int>)Slot(IVssBackupComponentsSlots.AddComponent);
        fixed (char* path = logicalPath)
        fixed (char* name = componentName)
        {
            Hr.Check(fn(This, instanceId, writerId, (int)componentType, path, name), "AddComponent", detail: ComponentDetail(writerId, logicalPath, componentName));
        }
    }

    public bool IsVolumeSupported(string volumeName, Guid providerId = default)
    {
        ArgumentNullException.ThrowIfNull(volumeName);
        var fn = (delegate* unmanaged[Stdcall]<nint, Guid, char*, int*, int>)Slot(IVssBackupComponentsSlots.IsVolumeSupported);
        int supported;
        fixed (char* volume = volumeName)
        {
            Hr.Check(fn(This, providerId, volume, &supported), "IsVolumeSupported", detail: $"volume {volumeName}");
        }
        return supported != 0;
    }

    public Guid StartSnapshotSet()
    {
        var fn = (delegate* unmanaged[Stdcall]<nint, Guid*, int>)Slot(IVssBackupComponentsSlots.StartSnapshotSet);
        Guid setId;
        Hr.Check(fn(This, &setId), "StartSnapshotSet");
        return setId;
    }

    public Guid AddToSnapshotSet(string volumeName, Guid providerId = default)
    {
        ArgumentNullException.ThrowIfNull(volumeName);
        var fn = (delegate* unmanaged[Stdcall]<nint, char*, Guid, Guid*, int>)Slot(IVssBackupComponentsSlots.AddToSnapshotSet);
        Guid snapshotId;
        fixed (char* volume = volumeName)
        {
            Hr.Check(fn(This, volume, providerId, &snapshotId), "AddToSnapshotSet", detail: $"volume {volumeName}");
        }
        return snapshotId;
    }

    public IVssAsync PrepareForBackup() => StartAsync(IVssBackupComponentsSlots.PrepareForBackup, "PrepareForBackup");

    public IVssAsync DoSnapshotSet() => StartAsync(IVssBackupComponentsSlots.DoSnapshotSet, "DoSnapshotSet");

    public VssSnapshotProperties GetSnapshotProperties(Guid snapshotId)
    {
        var fn = (delegate* unmanaged[Stdcall]<nint, Guid, VssSnapshotPropNative*, int>)Slot(IVssBackupComponentsSlots.GetSnapshotProperties);
        VssSnapshotPropNative prop = default;
        Hr.Check(fn(This, snapshotId, &prop), "GetSnapshotProperties", detail: $"snapshot {snapshotId:B}");
        try
        {
            return prop.ToManaged();
        }
        finally
        {
            NativeMethods.VssFreeSnapshotPropertiesInternal(&prop);
        }
    }

    public void SetBackupSucceeded(Guid instanceId, Guid writerId, VssComponentType componentType, string? logicalPath, string componentName, bool succeeded)
    {
        ArgumentNullException.ThrowIfNull(componentName);
        var fn = (delegate* unmanaged[Stdcall]<nint, Guid, Guid, int, char*, char*, byte, int>)Slot(IVssBackupComponentsSlots.SetBackupSucceeded);
        fixed (char* path = logicalPath)
        fixed (char* name = componentName)
        {
            Hr.Check(
                fn(This, instanceId, writerId, (int)componentType, path, name, Hr.ToBoolean(succeeded)),
                "SetBackupSucceeded",
                detail: ComponentDetail(writerId, logicalPath, componentName));
        }
    }

    public IVssAsync BackupComplete() => StartAsync(IVssBackupComponentsSlots.BackupComplete, "BackupComplete");

    public IVssAsync GatherWriterStatus()
    {
        _writerStatus = null;
        return StartAsync(IVssBackupComponentsSlots.GatherWriterStatus, "GatherWriterStatus");
    }

    /// <summary>Read on first use after GatherWriterStatus completed, then kept until FreeWriterStatus.</summary>
    public IReadOnlyList<VssWriterStatusInfo> WriterStatus => _writerStatus ??= ReadWriterStatus();

    public void FreeWriterStatus()
    {
        var fn = (delegate* unmanaged[Stdcall]<nint, int>)Slot(IVssBackupComponentsSlots.FreeWriterStatus);
        Hr.Check(fn(This), "FreeWriterStatus");
        _writerStatus = null;
    }

    public void AbortBackup()
    {
        var fn = (delegate* unmanaged[Stdcall]<nint, int>)Slot(IVssBackupComponentsSlots.AbortBackup);
        Hr.Check(fn(This), "AbortBackup");
    }

    public void DeleteSnapshot(Guid snapshotId, bool forceDelete) =>
        DeleteSnapshots(snapshotId, VSS_OBJECT_SNAPSHOT, forceDelete, "DeleteSnapshot");

    public int DeleteSnapshotSet(Guid snapshotSetId, bool forceDelete) =>
        DeleteSnapshots(snapshotSetId, VSS_OBJECT_SNAPSHOT_SET, forceDelete, "DeleteSnapshotSet");

    public IReadOnlyList<VssSnapshotProperties> QuerySnapshots()
    {
        var fn = (delegate* unmanaged[Stdcall]<nint, Guid, int, int, nint*, int>)Slot(IVssBackupComponentsSlots.Query);
        nint pointer = 0;
        var hr = Hr.Check(fn(This, Guid.Empty, VSS_OBJECT_NONE, VSS_OBJECT_SNAPSHOT, &pointer), "Query");
        if (pointer == 0)
        {
            // S_FALSE with no enumerator: nothing to list.
            return hr == S_FALSE ? [] : throw VssException.Create(HResults.VSS_E_UNEXPECTED, "Query", detail: "returned S_OK with a null IVssEnumObject");
        }
        using var enumerator = new ComRef(pointer, "IVssEnumObject");
        return ReadSnapshots(enumerator);
    }

    public void Dispose() => _components.Dispose();

    private void* Slot(int slot) => _components.Slot(slot);

    private WindowsVssAsync StartAsync(int slot, string operation)
    {
        var fn = (delegate* unmanaged[Stdcall]<nint, nint*, int>)Slot(slot);
        nint pointer = 0;
        Hr.Check(fn(This, &pointer), operation);
        return new WindowsVssAsync(pointer, operation);
    }

    private void CallWithGuids(int slot, string operation, Guid[] ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var fn = (delegate* unmanaged[Stdcall]<nint, Guid*, uint, int>)Slot(slot);
        fixed (Guid* first = ids)
        {
            Hr.Check(fn(This, first, (uint)ids.Length), operation);
        }
    }

    private int DeleteSnapshots(Guid id, int objectType, bool forceDelete, string operation)
    {
        var fn = (delegate* unmanaged[Stdcall]<nint, Guid, int, int, int*, Guid*, int>)Slot(IVssBackupComponentsSlots.DeleteSnapshots);
        int deleted;
        Guid notDeleted;
        // bForceDelete is WINBOOL (4 bytes) here, unlike the one-byte booleans elsewhere.
        var hr = fn(This, id, objectType, forceDelete ? 1 : 0, &deleted, &notDeleted);
        Hr.Check(hr, operation, detail: $"{id:B}; first not deleted: {notDeleted:B}");
        return deleted;
    }

    private List<VssWriterMetadata> ReadWriterMetadata()
    {
        var count = GetCount(IVssBackupComponentsSlots.GetWriterMetadataCount, "GetWriterMetadataCount");
        var fn = (delegate* unmanaged[Stdcall]<nint, uint, Guid*, nint*, int>)Slot(IVssBackupComponentsSlots.GetWriterMetadata);
        var result = new List<VssWriterMetadata>((int)count);
        for (uint i = 0; i < count; i++)
        {
            Guid instanceId;
            nint pointer = 0;
            Hr.Check(fn(This, i, &instanceId, &pointer), "GetWriterMetadata", detail: $"writer {i}");
            using var metadata = new ComRef(pointer, "IVssExamineWriterMetadata");
            result.Add(WriterMetadataReader.Read(metadata));
        }
        return result;
    }

    private List<VssWriterStatusInfo> ReadWriterStatus()
    {
        var count = GetCount(IVssBackupComponentsSlots.GetWriterStatusCount, "GetWriterStatusCount");
        var fn = (delegate* unmanaged[Stdcall]<nint, uint, Guid*, Guid*, nint*, int*, int*, int>)Slot(IVssBackupComponentsSlots.GetWriterStatus);
        var result = new List<VssWriterStatusInfo>((int)count);
        for (uint i = 0; i < count; i++)
        {
            Guid instanceId, writerId;
            nint name = 0;
            int state, failure;
            var hr = fn(This, i, &instanceId, &writerId, &name, &state, &failure);
            var writerName = Bstr.TakeString(name) ?? string.Empty;
            Hr.Check(hr, "GetWriterStatus", detail: $"writer {i}");
            result.Add(new VssWriterStatusInfo(instanceId, writerId, writerName, (VssWriterState)state, failure));
        }
        return result;
    }

    private uint GetCount(int slot, string operation)
    {
        var fn = (delegate* unmanaged[Stdcall]<nint, uint*, int>)Slot(slot);
        uint count;
        Hr.Check(fn(This, &count), operation);
        return count;
    }

    private static List<VssSnapshotProperties> ReadSnapshots(ComRef enumerator)
    {
        var next = (delegate* unmanaged[Stdcall]<nint, uint, VssObjectPropNative*, uint*, int>)enumerator.Slot(IVssEnumObjectSlots.Next);
        var result = new List<VssSnapshotProperties>();
        while (true)
        {
            VssObjectPropNative prop = default;
            uint fetched = 0;
            var hr = Hr.Check(next(enumerator.Pointer, 1, &prop, &fetched), "Query.Next");
            if (fetched == 0)
            {
                return result;
            }
            // Only snapshots were asked for (eReturnedObjectsType = VSS_OBJECT_SNAPSHOT), so the union
            // holds a VSS_SNAPSHOT_PROP, which VssFreeSnapshotProperties frees.
            if (prop.Type != VssObjectPropNative.VSS_OBJECT_SNAPSHOT)
            {
                throw VssException.Create(HResults.VSS_E_UNEXPECTED, "Query.Next", detail: $"returned object type {prop.Type}, expected VSS_OBJECT_SNAPSHOT");
            }
            try
            {
                result.Add(prop.Snap.ToManaged());
            }
            finally
            {
                NativeMethods.VssFreeSnapshotPropertiesInternal(&prop.Snap);
            }
            if (hr == S_FALSE)
            {
                return result;
            }
        }
    }

    private static string ComponentDetail(Guid writerId, string? logicalPath, string componentName) =>
        $"writer {writerId:B}, component {(string.IsNullOrEmpty(logicalPath) ? componentName : logicalPath + "\\" + componentName)}";
}
