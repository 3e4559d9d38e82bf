using Coordinator.Vss.Tests.Support;

namespace Coordinator.Vss.Tests.Contract;

/// <summary>What every provider contract needs: the provider under test, its machine's facts, and shared set-up.</summary>
public abstract class ContractFixture
{
    protected abstract IVssFactory CreateFactory();

    /// <summary>A volume of the machine that supports shadow copies, with trailing backslash.</summary>
    protected virtual string BackupVolume => @"C:\";

    protected virtual TimeSpan OperationTimeout => TimeSpan.FromMinutes(2);

    protected IVssBackupComponents CreateInitialized(IVssFactory? factory = null)
    {
        var vss = (factory ?? CreateFactory()).CreateVssBackupComponents();
        vss.InitializeForBackup();
        vss.SetBackupState(false, true, VssBackupType.Full, false);
        return vss;
    }

    /// <summary>A components object holding one snapshot of <see cref="BackupVolume"/> in <paramref name="context"/>.</summary>
    protected IVssBackupComponents CreateSnapshot(IVssFactory factory, VssSnapshotContext context, out Guid snapshotId)
    {
        var vss = factory.CreateVssBackupComponents();
        vss.InitializeForBackup();
        vss.SetContext(context);
        vss.SetBackupState(false, true, VssBackupType.Full, false);
        vss.GatherWriterMetadata().WaitAndCheck("GatherWriterMetadata", OperationTimeout);
        vss.FreeWriterMetadata();
        vss.StartSnapshotSet();
        snapshotId = vss.AddToSnapshotSet(BackupVolume);
        vss.PrepareForBackup().WaitAndCheck("PrepareForBackup", OperationTimeout);
        vss.DoSnapshotSet().WaitAndCheck("DoSnapshotSet", OperationTimeout);
        vss.BackupComplete().WaitAndCheck("BackupComplete", OperationTimeout);
        vss.GatherWriterStatus().WaitAndCheck("GatherWriterStatus", OperationTimeout);
        vss.FreeWriterStatus();
        return vss;
    }
}
