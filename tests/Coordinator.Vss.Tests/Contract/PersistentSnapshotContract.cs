namespace Coordinator.Vss.Tests.Contract;

/// <summary>Persistent snapshots (VSS_CTX_APP_ROLLBACK): Windows Server, the stand-in, the simulator; not client Windows.</summary>
public abstract class PersistentSnapshotContract : ContractFixture
{
    [Fact]
    public void Persistent_snapshots_outlive_their_object_until_DeleteSnapshot()
    {
        var factory = CreateFactory();
        Guid snapshotId;
        using (CreateSnapshot(factory, VssSnapshotContext.AppRollback, out snapshotId))
        {
        }

        using var other = CreateInitialized(factory);
        other.SetContext(VssSnapshotContext.All);
        var found = Assert.Single(other.QuerySnapshots(), p => p.SnapshotId == snapshotId);
        Assert.True(found.Persistent);
        other.DeleteSnapshot(snapshotId, forceDelete: false);
        Assert.DoesNotContain(other.QuerySnapshots(), p => p.SnapshotId == snapshotId);
        var error = Assert.ThrowsAny<VssException>(() => other.DeleteSnapshot(snapshotId, forceDelete: false));
        Assert.Equal(HResults.VSS_E_OBJECT_NOT_FOUND, error.HResult);
    }
}
