using Coordinator.Vss;

namespace Coordinator.Providers;

/// <summary>A writer as `coordinator writers` shows it: identity, state and its components (vssadmin list writers + vshadow -wm).</summary>
public sealed record WriterInfo(
    string Name,
    Guid ClassId,
    Guid InstanceId,
    string? InstanceName,
    string State,
    string? Failure,
    string? FailureName,
    string Usage,
    IReadOnlyList<WriterComponentInfo> Components);

public sealed record WriterComponentInfo(string Path, string Type, bool Selectable, string? Caption, IReadOnlyList<string> Files);

/// <summary>Lists the writers through one short-lived components object (metadata then status, both freed).</summary>
public static class WriterInventory
{
    public static Task<IReadOnlyList<WriterInfo>> GatherAsync(ProviderHandle provider, TimeSpan timeout) =>
        DedicatedThread.Run<IReadOnlyList<WriterInfo>>("vss-writers", () =>
        {
            using var components = provider.Factory.CreateVssBackupComponents();
            components.InitializeForBackup();
            components.SetContext(VssSnapshotContext.Backup);
            components.SetBackupState(true, false, VssBackupType.Full, false);

            var metadata = GatherMetadata(components, timeout);

            var status = new Dictionary<Guid, VssWriterStatusInfo>();
            using (var gather = components.GatherWriterStatus())
            {
                try
                {
                    gather.WaitForSuccess("GatherWriterStatus", timeout);
                    foreach (var s in components.WriterStatus)
                    {
                        status[s.InstanceId] = s;
                    }
                }
                finally
                {
                    components.FreeWriterStatus();
                }
            }

            return metadata.Select(m =>
            {
                status.TryGetValue(m.InstanceId, out var s);
                return new WriterInfo(
                    m.WriterName, m.WriterId, m.InstanceId, m.InstanceName,
                    (s?.State ?? VssWriterState.Unknown).ToVssName(),
                    s is null || s.Failure == 0 ? null : VssErrorCatalog.ToHex(s.Failure),
                    s is null || s.Failure == 0 ? null : VssErrorCatalog.NameOf(s.Failure),
                    m.Usage.ToString(),
                    m.Components.Select(c => new WriterComponentInfo(
                        c.FullPath, c.Type.ToString(), c.IsSelectable, c.Caption,
                        c.AllFiles.Select(f => f.Path.TrimEnd('\\') + "\\" + f.FileSpecification + (f.IsRecursive ? " (recursive)" : "")).ToList())).ToList());
            }).ToList();
        });

    /// <summary>
    /// The writers' metadata, gathered and freed: every gather that returned is paired with its free
    /// (docs/vss-reference.md#freewriterstatus-and-freewritermetadata), whether the wait succeeds or not.
    /// </summary>
    internal static IReadOnlyList<VssWriterMetadata> GatherMetadata(IVssBackupComponents components, TimeSpan timeout)
    {
        using var gather = components.GatherWriterMetadata();
        try
        {
            gather.WaitForSuccess(VssCallNames.GatherWriterMetadata, timeout);
            return components.WriterMetadata.ToList();
        }
        finally
        {
            components.FreeWriterMetadata();
        }
    }
}
