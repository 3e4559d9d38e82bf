using System.Runtime.Versioning;
using Coordinator.Vss.Windows.Interop;

namespace Coordinator.Vss.Windows;

/// <summary>
/// Copies one writer's metadata out of IVssExamineWriterMetadata (and its IVssWMComponent and
/// IVssWMFiledesc children) into the port's records, releasing every child and freeing every BSTR and
/// VSS_COMPONENTINFO on the way, so nothing native outlives the read.
/// </summary>
[SupportedOSPlatform("windows")]
internal static unsafe class WriterMetadataReader
{
    public static VssWriterMetadata Read(ComRef metadata)
    {
        var identity = ReadIdentity(metadata);
        var writer = identity.Name;

        uint includeCount, excludeCount, componentCount;
        var getFileCounts = (delegate* unmanaged[Stdcall]<nint, uint*, uint*, uint*, int>)metadata.Slot(IVssExamineWriterMetadataSlots.GetFileCounts);
        Hr.Check(getFileCounts(metadata.Pointer, &includeCount, &excludeCount, &componentCount), "GetFileCounts", writer);

        var components = new List<VssWMComponent>((int)componentCount);
        var getComponent = (delegate* unmanaged[Stdcall]<nint, uint, nint*, int>)metadata.Slot(IVssExamineWriterMetadataSlots.GetComponent);
        for (uint i = 0; i < componentCount; i++)
        {
            nint pointer = 0;
            Hr.Check(getComponent(metadata.Pointer, i, &pointer), "GetComponent", writer, $"component {i}");
            using var component = new ComRef(pointer, "IVssWMComponent");
            components.Add(ReadComponent(component, writer));
        }

        var excludes = new List<VssWMFileDescriptor>((int)excludeCount);
        var getExcludeFile = (delegate* unmanaged[Stdcall]<nint, uint, nint*, int>)metadata.Slot(IVssExamineWriterMetadataSlots.GetExcludeFile);
        for (uint i = 0; i < excludeCount; i++)
        {
            excludes.Add(ReadFileDescriptor(getExcludeFile, metadata, i, "GetExcludeFile", writer));
        }

        // The instance name needs IVssExamineWriterMetadataEx (QueryInterface); the port allows null.
        return new VssWriterMetadata(identity.WriterId, identity.InstanceId, writer, null, identity.Usage, identity.Source, components, excludes);
    }

    private static (Guid InstanceId, Guid WriterId, string Name, VssUsageType Usage, VssSourceType Source) ReadIdentity(ComRef metadata)
    {
        Guid instanceId, writerId;
        nint name = 0;
        int usage, source;
        var getIdentity = (delegate* unmanaged[Stdcall]<nint, Guid*, Guid*, nint*, int*, int*, int>)metadata.Slot(IVssExamineWriterMetadataSlots.GetIdentity);
        var hr = getIdentity(metadata.Pointer, &instanceId, &writerId, &name, &usage, &source);
        var writerName = Bstr.TakeString(name) ?? string.Empty;
        Hr.Check(hr, "GetIdentity");
        return (instanceId, writerId, writerName, (VssUsageType)usage, (VssSourceType)source);
    }

    private static VssWMComponent ReadComponent(ComRef component, string writer)
    {
        VssComponentInfoNative* info = null;
        var getInfo = (delegate* unmanaged[Stdcall]<nint, VssComponentInfoNative**, int>)component.Slot(IVssWMComponentSlots.GetComponentInfo);
        Hr.Check(getInfo(component.Pointer, &info), "GetComponentInfo", writer);
        if (info == null)
        {
            throw VssException.Create(HResults.VSS_E_UNEXPECTED, "GetComponentInfo", writer, "returned S_OK with a null VSS_COMPONENTINFO");
        }
        var freeInfo = (delegate* unmanaged[Stdcall]<nint, VssComponentInfoNative*, int>)component.Slot(IVssWMComponentSlots.FreeComponentInfo);
        VssWMComponent result;
        try
        {
            // The BSTRs inside VSS_COMPONENTINFO belong to it: read them, FreeComponentInfo frees them.
            var name = ReadOwnedBstr(info->ComponentName) ?? string.Empty;
            var files = ReadFiles(component, IVssWMComponentSlots.GetFile, info->FileCount, "GetFile", writer);
            var databases = ReadFiles(component, IVssWMComponentSlots.GetDatabaseFile, info->DatabaseCount, "GetDatabaseFile", writer);
            var logs = ReadFiles(component, IVssWMComponentSlots.GetDatabaseLogFile, info->LogFileCount, "GetDatabaseLogFile", writer);
            result = new VssWMComponent(
                (VssComponentType)info->Type,
                ReadOwnedBstr(info->LogicalPath),
                name,
                ReadOwnedBstr(info->Caption),
                info->Selectable != 0,
                files,
                databases,
                logs);
        }
        catch
        {
            // Free on the failure path too, without letting a second failure hide the first.
            freeInfo(component.Pointer, info);
            throw;
        }
        Hr.Check(freeInfo(component.Pointer, info), "FreeComponentInfo", writer);
        return result;
    }

    private static List<VssWMFileDescriptor> ReadFiles(ComRef component, int slot, uint count, string operation, string writer)
    {
        var result = new List<VssWMFileDescriptor>((int)count);
        var getFile = (delegate* unmanaged[Stdcall]<nint, uint, nint*, int>)component.Slot(slot);
        for (uint i = 0; i < count; i++)
        {
            result.Add(ReadFileDescriptor(getFile, component, i, operation, writer));
        }
        return result;
    }

    private static VssWMFileDescriptor ReadFileDescriptor(
        delegate* unmanaged[Stdcall]<nint, uint, nint*, int> getter, ComRef owner, uint index, string operation, string writer)
    {
        nint pointer = 0;
        Hr.Check(getter(owner.Pointer, index, &pointer), operation, writer, $"file {index}");
        using var file = new ComRef(pointer, "IVssWMFiledesc");
        var path = GetBstr(file, IVssWMFiledescSlots.GetPath, "GetPath", writer) ?? string.Empty;
        var spec = GetBstr(file, IVssWMFiledescSlots.GetFilespec, "GetFilespec", writer) ?? string.Empty;
        byte recursive;
        var getRecursive = (delegate* unmanaged[Stdcall]<nint, byte*, int>)file.Slot(IVssWMFiledescSlots.GetRecursive);
        Hr.Check(getRecursive(file.Pointer, &recursive), "GetRecursive", writer);
        var alternate = GetBstr(file, IVssWMFiledescSlots.GetAlternateLocation, "GetAlternateLocation", writer);
        return new VssWMFileDescriptor(path, spec, recursive != 0, string.IsNullOrEmpty(alternate) ? null : alternate);
    }

    private static string? GetBstr(ComRef file, int slot, string operation, string writer)
    {
        nint bstr = 0;
        var getter = (delegate* unmanaged[Stdcall]<nint, nint*, int>)file.Slot(slot);
        var hr = getter(file.Pointer, &bstr);
        // Free whatever came back even if the call failed, then report the failure.
        var value = Bstr.TakeString(bstr);
        Hr.Check(hr, operation, writer);
        return value;
    }

    private static string? ReadOwnedBstr(nint bstr) =>
        bstr == 0 ? null : new string((char*)bstr, 0, (int)NativeMethods.SysStringLen(bstr));
}
