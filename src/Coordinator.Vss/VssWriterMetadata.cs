namespace Coordinator.Vss;

/// <summary>
/// One writer's metadata (COM <c>IVssExamineWriterMetadata</c>), copied out of the components object so it
/// stays valid after FreeWriterMetadata. Names follow AlphaVSS.
/// </summary>
/// <param name="WriterId">The writer class id.</param>
/// <param name="InstanceId">The writer instance id.</param>
public sealed record VssWriterMetadata(
    Guid WriterId,
    Guid InstanceId,
    string WriterName,
    string? InstanceName,
    VssUsageType Usage,
    VssSourceType Source,
    IReadOnlyList<VssWMComponent> Components,
    IReadOnlyList<VssWMFileDescriptor> ExcludeFiles);

/// <summary>One component a writer reports (COM <c>IVssWMComponent</c>).</summary>
public sealed record VssWMComponent(
    VssComponentType Type,
    string? LogicalPath,
    string ComponentName,
    string? Caption,
    bool IsSelectable,
    IReadOnlyList<VssWMFileDescriptor> Files,
    IReadOnlyList<VssWMFileDescriptor> DatabaseFiles,
    IReadOnlyList<VssWMFileDescriptor> DatabaseLogFiles)
{
    /// <summary>Every file descriptor of the component: files, database files and log files.</summary>
    public IEnumerable<VssWMFileDescriptor> AllFiles => Files.Concat(DatabaseFiles).Concat(DatabaseLogFiles);

    /// <summary>The component's full path: LogicalPath\ComponentName, or just the name at the root.</summary>
    public string FullPath => string.IsNullOrEmpty(LogicalPath) ? ComponentName : LogicalPath + "\\" + ComponentName;
}

/// <summary>A file descriptor (COM <c>IVssWMFiledesc</c>).</summary>
public sealed record VssWMFileDescriptor(string Path, string FileSpecification, bool IsRecursive, string? AlternateLocation = null);
