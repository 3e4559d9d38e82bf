namespace Coordinator.Vss.Tests.Contract;

/// <summary>
/// The contract plus what only some machines can do: keep persistent snapshots (VSS_CTX_APP_ROLLBACK: Windows Server,
/// the simulator) and reject calls from another thread with RPC_E_WRONG_THREAD (an STA object on Windows; always in the
/// simulator).
/// </summary>
public abstract class FullVssBackupComponentsContract : VssBackupComponentsContract
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

    [Fact]
    public void A_call_from_another_thread_is_RPC_E_WRONG_THREAD()
    {
        using var vss = CreateFactory().CreateVssBackupComponents();

        var error = ThreadRunner.Catch(() => vss.InitializeForBackup());

        var vssError = Assert.IsAssignableFrom<VssException>(error);
        Assert.Equal(HResults.RPC_E_WRONG_THREAD, vssError.HResult);
        vss.InitializeForBackup();
    }
}
