namespace Coordinator.Vss.Simulated;

/// <summary>
/// A writer installed on the simulated host: its identity (class id, instance id, name), what it reports at Identify
/// (components with their files on volumes, excluded files). Its per-session state lives in the components object.
/// </summary>
public sealed record SimulatedWriter(
    Guid ClassId,
    Guid InstanceId,
    string Name,
    string? InstanceName,
    VssUsageType Usage,
    VssSourceType Source,
    IReadOnlyList<VssWMComponent> Components,
    IReadOnlyList<VssWMFileDescriptor> ExcludeFiles)
{
    /// <summary>The metadata the writer reports for GatherWriterMetadata (its Writer Metadata Document).</summary>
    public VssWriterMetadata ToMetadata() =>
        new(ClassId, InstanceId, Name, InstanceName, Usage, Source, Components, ExcludeFiles);
}
