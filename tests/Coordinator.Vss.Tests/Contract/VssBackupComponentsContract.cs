using Coordinator.Vss.Tests.Support;

namespace Coordinator.Vss.Tests.Contract;

/// <summary>
/// The behaviour every <see cref="IVssFactory"/> provider must share, simulated or Windows. A provider's test class derives
/// from this and supplies <see cref="ContractFixture.CreateFactory"/>. What only some machines can do has its own contract
/// (<see cref="PersistentSnapshotContract"/>, <see cref="ThreadAffinityContract"/>) that a provider's tests derive from
/// only where the machine can: never a flag that makes a test return early and pass without checking anything.
/// Each test runs entirely on the xunit thread that calls it, so COM thread affinity holds.
/// </summary>
public abstract class VssBackupComponentsContract : ContractFixture
{
    [Fact]
    public void Full_backup_sequence_succeeds_and_leaves_no_writer_failed()
    {
        using var vss = CreateFactory().CreateVssBackupComponents();
        vss.InitializeForBackup();
        vss.SetContext(VssSnapshotContext.Backup);
        vss.SetBackupState(false, true, VssBackupType.Full, false);
        vss.GatherWriterMetadata().WaitAndCheck("GatherWriterMetadata", OperationTimeout);
        Assert.NotEmpty(vss.WriterMetadata);
        vss.FreeWriterMetadata();
        var setId = vss.StartSnapshotSet();
        var snapshotId = vss.AddToSnapshotSet(BackupVolume);
        vss.PrepareForBackup().WaitAndCheck("PrepareForBackup", OperationTimeout);
        vss.DoSnapshotSet().WaitAndCheck("DoSnapshotSet", OperationTimeout);

        var properties = vss.GetSnapshotProperties(snapshotId);
        Assert.Equal(snapshotId, properties.SnapshotId);
        Assert.Equal(setId, properties.SnapshotSetId);
        Assert.Equal(1, properties.SnapshotsCount);
        Assert.False(properties.Persistent);

        vss.BackupComplete().WaitAndCheck("BackupComplete", OperationTimeout);
        vss.GatherWriterStatus().WaitAndCheck("GatherWriterStatus", OperationTimeout);
        var status = vss.WriterStatus;
        Assert.NotEmpty(status);
        Assert.All(status, s => Assert.False(s.State.IsFailed(), $"{s.Name} is {s.State.ToVssName()}"));
        vss.FreeWriterStatus();
    }

    [Fact]
    public void GatherWriterMetadata_twice_on_one_object_is_VSS_E_BAD_STATE()
    {
        using var vss = CreateInitialized();
        vss.GatherWriterMetadata().WaitAndCheck("GatherWriterMetadata", OperationTimeout);
        vss.FreeWriterMetadata();

        var error = Assert.ThrowsAny<VssException>(() => vss.GatherWriterMetadata());

        Assert.IsType<VssBadStateException>(error);
        Assert.Equal(HResults.VSS_E_BAD_STATE, error.HResult);
    }

    public static TheoryData<string> CallsNeedingInitialization => new()
    {
        "SetContext", "SetBackupState", "GatherWriterMetadata", "GatherWriterStatus", "StartSnapshotSet", "PrepareForBackup",
        "DoSnapshotSet", "BackupComplete",
    };

    [Theory]
    [MemberData(nameof(CallsNeedingInitialization))]
    public void A_call_before_InitializeForBackup_is_VSS_E_BAD_STATE(string call)
    {
        using var vss = CreateFactory().CreateVssBackupComponents();
        Action act = call switch
        {
            "SetContext" => () => vss.SetContext(VssSnapshotContext.Backup),
            "SetBackupState" => () => vss.SetBackupState(false, true, VssBackupType.Full, false),
            "GatherWriterMetadata" => () => vss.GatherWriterMetadata().Dispose(),
            "GatherWriterStatus" => () => vss.GatherWriterStatus().Dispose(),
            "StartSnapshotSet" => () => vss.StartSnapshotSet(),
            "PrepareForBackup" => () => vss.PrepareForBackup().Dispose(),
            "DoSnapshotSet" => () => vss.DoSnapshotSet().Dispose(),
            "BackupComplete" => () => vss.BackupComplete().Dispose(),
            _ => throw new ArgumentOutOfRangeException(nameof(call), call, null),
        };

        var error = Assert.ThrowsAny<VssException>(act);

        Assert.Equal(HResults.VSS_E_BAD_STATE, error.HResult);
    }

    [Fact]
    public void BackupComplete_without_a_snapshot_set_is_VSS_E_BAD_STATE()
    {
        using var vss = CreateInitialized();
        vss.GatherWriterMetadata().WaitAndCheck("GatherWriterMetadata", OperationTimeout);
        vss.FreeWriterMetadata();

        var error = Assert.ThrowsAny<VssException>(() => vss.BackupComplete().Dispose());

        Assert.Equal(HResults.VSS_E_BAD_STATE, error.HResult);
    }

    [Fact]
    public void A_volume_without_trailing_backslash_is_E_INVALIDARG()
    {
        using var vss = CreateInitialized();
        vss.StartSnapshotSet();

        var error = Assert.ThrowsAny<VssException>(() => vss.AddToSnapshotSet(BackupVolume.TrimEnd('\\')));

        Assert.Equal(HResults.E_INVALIDARG, error.HResult);
        vss.AbortBackup();
    }

    [Fact]
    public void AbortBackup_after_StartSnapshotSet_frees_the_machine_for_another_snapshot_set()
    {
        var factory = CreateFactory();
        using (var first = CreateInitialized(factory))
        {
            first.StartSnapshotSet();
            first.AddToSnapshotSet(BackupVolume);
            first.AbortBackup();

            using var second = CreateInitialized(factory);
            second.StartSnapshotSet();
            second.AbortBackup();
        }
    }

    [Fact]
    public void AbortBackup_with_nothing_under_way_is_ignored()
    {
        using var vss = CreateInitialized();
        vss.AbortBackup();
        vss.GatherWriterMetadata().WaitAndCheck("GatherWriterMetadata", OperationTimeout);
        vss.FreeWriterMetadata();
    }

    [Fact]
    public void Writer_metadata_has_identities_components_and_file_descriptors()
    {
        using var vss = CreateInitialized();
        vss.GatherWriterMetadata().WaitAndCheck("GatherWriterMetadata", OperationTimeout);
        var metadata = vss.WriterMetadata;
        vss.FreeWriterMetadata();

        Assert.NotEmpty(metadata);
        Assert.All(metadata, writer =>
        {
            Assert.NotEqual(Guid.Empty, writer.WriterId);
            Assert.NotEqual(Guid.Empty, writer.InstanceId);
            Assert.False(string.IsNullOrWhiteSpace(writer.WriterName));
            Assert.All(writer.Components, component =>
            {
                Assert.False(string.IsNullOrWhiteSpace(component.ComponentName));
                Assert.All(component.AllFiles, file => Assert.False(string.IsNullOrWhiteSpace(file.Path)));
            });
        });
        Assert.Contains(metadata, w => w.Components.Any(c => c.AllFiles.Any()));
        Assert.Equal(metadata.Count, metadata.Select(w => w.InstanceId).Distinct().Count());
    }

    [Fact]
    public void Writer_status_lists_every_identified_writer_with_a_state()
    {
        using var vss = CreateInitialized();
        vss.GatherWriterMetadata().WaitAndCheck("GatherWriterMetadata", OperationTimeout);
        var writers = vss.WriterMetadata.Select(w => w.InstanceId).ToHashSet();
        vss.FreeWriterMetadata();
        vss.GatherWriterStatus().WaitAndCheck("GatherWriterStatus", OperationTimeout);
        var status = vss.WriterStatus;
        vss.FreeWriterStatus();

        Assert.All(status, s =>
        {
            Assert.NotEqual(Guid.Empty, s.ClassId);
            Assert.False(string.IsNullOrWhiteSpace(s.Name));
            Assert.True(Enum.IsDefined(s.State), $"{s.Name}: undefined state {(int)s.State}");
        });
        Assert.Subset(status.Select(s => s.InstanceId).ToHashSet(), writers);
    }

    [Fact]
    public void Non_persistent_snapshots_have_a_device_object_and_are_gone_after_Dispose()
    {
        var factory = CreateFactory();
        Guid snapshotId;
        using (var vss = CreateSnapshot(factory, VssSnapshotContext.Backup, out snapshotId))
        {
            var properties = vss.GetSnapshotProperties(snapshotId);
            Assert.StartsWith(@"\\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy", properties.SnapshotDeviceObject);
            Assert.False(string.IsNullOrWhiteSpace(properties.OriginalVolumeName));
        }

        using var other = CreateInitialized(factory);
        other.SetContext(VssSnapshotContext.All);
        Assert.DoesNotContain(other.QuerySnapshots(), p => p.SnapshotId == snapshotId);
        var error = Assert.ThrowsAny<VssException>(() => other.GetSnapshotProperties(snapshotId));
        Assert.Equal(HResults.VSS_E_OBJECT_NOT_FOUND, error.HResult);
    }
}
