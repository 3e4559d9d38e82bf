using Coordinator.Vss;

namespace Coordinator.Providers;

/// <summary>
/// Queries and deletes snapshots through the provider, each batch on one dedicated thread with one components object
/// (created, used and released there).
/// </summary>
public static class SnapshotMaintenance
{
    public static Task<IReadOnlyList<VssSnapshotProperties>> QueryAsync(ProviderHandle provider) =>
        DedicatedThread.Run<IReadOnlyList<VssSnapshotProperties>>("vss-query", () =>
        {
            using var components = Open(provider);
            return components.QuerySnapshots().ToList();
        });

    /// <summary>Deletes each set; per set the outcome: deleted, already gone (VSS_E_OBJECT_NOT_FOUND), or the error.</summary>
    public static Task<IReadOnlyList<DeleteOutcome>> DeleteSetsAsync(ProviderHandle provider, IReadOnlyList<Guid> setIds) =>
        DedicatedThread.Run<IReadOnlyList<DeleteOutcome>>("vss-delete", () =>
        {
            using var components = Open(provider);
            var outcomes = new List<DeleteOutcome>();
            foreach (var setId in setIds)
            {
                outcomes.Add(Attempt(setId, () => components.DeleteSnapshotSet(setId, forceDelete: true)));
            }
            return outcomes;
        });

    public static Task<DeleteOutcome> DeleteSnapshotAsync(ProviderHandle provider, Guid snapshotId) =>
        DedicatedThread.Run("vss-delete", () =>
        {
            using var components = Open(provider);
            return Attempt(snapshotId, () => components.DeleteSnapshot(snapshotId, forceDelete: true));
        });

    private static IVssBackupComponents Open(ProviderHandle provider)
    {
        var components = provider.Factory.CreateVssBackupComponents();
        try
        {
            components.InitializeForBackup();
            // Query and delete see every context's snapshots (VSS_CTX_ALL), as vshadow -ds does.
            components.SetContext(VssSnapshotContext.All);
            return components;
        }
        catch
        {
            components.Dispose();
            throw;
        }
    }

    private static DeleteOutcome Attempt(Guid id, Action delete)
    {
        try
        {
            delete();
            return new DeleteOutcome(id, DeleteResult.Deleted, null);
        }
        catch (VssException ex) when (ex.HResult == HResults.VSS_E_OBJECT_NOT_FOUND)
        {
            return new DeleteOutcome(id, DeleteResult.AlreadyGone, null);
        }
        catch (VssException ex)
        {
            return new DeleteOutcome(id, DeleteResult.Failed, ex.Message);
        }
    }
}

public enum DeleteResult
{
    Deleted,
    AlreadyGone,
    Failed,
}

public sealed record DeleteOutcome(Guid Id, DeleteResult Result, string? Error);
