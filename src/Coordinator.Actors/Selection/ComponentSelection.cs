using Coordinator.Actors.Jobs;
using Coordinator.Vss;

namespace Coordinator.Actors.Selection;

/// <summary>A component to add with AddComponent and report with SetBackupSucceeded.</summary>
internal sealed record SelectedComponent(
    string WriterName,
    Guid WriterId,
    Guid InstanceId,
    VssComponentType Type,
    string? LogicalPath,
    string ComponentName)
{
    public string FullPath => string.IsNullOrEmpty(LogicalPath) ? ComponentName : LogicalPath + "\\" + ComponentName;
}

/// <summary>The outcome of selection: what to add, which writer instances to disable, and why each component is in or out.</summary>
internal sealed record ComponentSelection(
    IReadOnlyList<SelectedComponent> Included,
    IReadOnlyList<Guid> DisabledWriterInstances,
    IReadOnlyList<ComponentOutcome> Outcomes);
