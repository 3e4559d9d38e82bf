using Coordinator.Vss.Simulated;
using Coordinator.Vss.Tests.Support;

namespace Coordinator.Vss.Tests.Simulated;

/// <summary>The documented requester state machine: each rule, and the documented error for its violation.</summary>
public sealed class StateMachineTests
{
    private readonly SimulatedVssHost _host = Sim.Host();

    [Fact]
    public void InitializeForBackup_twice_is_VSS_E_BAD_STATE()
    {
        using var vss = Sim.Initialized(_host);

        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.InitializeForBackup()));
    }

    [Fact]
    public void Every_call_before_InitializeForBackup_is_VSS_E_BAD_STATE_and_counted()
    {
        using var vss = _host.CreateFactory().CreateVssBackupComponents();
        var calls = new Action[]
        {
            () => vss.SetContext(VssSnapshotContext.Backup),
            () => vss.SetBackupState(false, true, VssBackupType.Full, false),
            () => vss.GatherWriterMetadata(),
            () => _ = vss.WriterMetadata,
            () => vss.FreeWriterMetadata(),
            () => vss.EnableWriterClasses(Guid.NewGuid()),
            () => vss.DisableWriterClasses(Guid.NewGuid()),
            () => vss.DisableWriterInstances(Guid.NewGuid()),
            () => vss.AddComponent(Guid.NewGuid(), Guid.NewGuid(), VssComponentType.Database, null, "x"),
            () => vss.IsVolumeSupported(@"C:\"),
            () => vss.StartSnapshotSet(),
            () => vss.AddToSnapshotSet(@"C:\"),
            () => vss.PrepareForBackup(),
            () => vss.DoSnapshotSet(),
            () => vss.GetSnapshotProperties(Guid.NewGuid()),
            () => vss.SetBackupSucceeded(Guid.NewGuid(), Guid.NewGuid(), VssComponentType.Database, null, "x", true),
            () => vss.BackupComplete(),
            () => vss.GatherWriterStatus(),
            () => _ = vss.WriterStatus,
            () => vss.FreeWriterStatus(),
            () => vss.AbortBackup(),
            () => vss.DeleteSnapshot(Guid.NewGuid(), false),
            () => vss.DeleteSnapshotSet(Guid.NewGuid(), false),
            () => vss.QuerySnapshots(),
        };

        Assert.All(calls, call => Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(call)));
        Assert.Equal(calls.Length, _host.Accounting.StateViolations);
    }

    [Fact]
    public void SetBackupState_must_precede_PrepareForBackup()
    {
        using var vss = _host.CreateFactory().CreateVssBackupComponents();
        vss.InitializeForBackup();
        Sim.GatherMetadata(vss);
        vss.StartSnapshotSet();
        vss.AddToSnapshotSet(@"C:\");

        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.PrepareForBackup()));
        vss.AbortBackup();
    }

    [Fact]
    public void SetBackupState_after_PrepareForBackup_is_VSS_E_BAD_STATE()
    {
        using var vss = Sim.Initialized(_host);
        Sim.GatherMetadata(vss);
        vss.StartSnapshotSet();
        vss.AddToSnapshotSet(@"C:\");
        vss.PrepareForBackup().WaitAndCheck("PrepareForBackup");

        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.SetBackupState(false, true, VssBackupType.Full, false)));
        vss.AbortBackup();
    }

    [Fact]
    public void StartSnapshotSet_must_precede_AddToSnapshotSet_and_PrepareForBackup()
    {
        using var vss = Sim.Initialized(_host);
        Sim.GatherMetadata(vss);

        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.AddToSnapshotSet(@"C:\")));
        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.PrepareForBackup()));
    }

    [Fact]
    public void DoSnapshotSet_needs_PrepareForBackup_in_a_context_with_writers_and_at_least_one_volume()
    {
        using var vss = Sim.Initialized(_host);
        Sim.GatherMetadata(vss);
        vss.StartSnapshotSet();
        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.DoSnapshotSet()));
        vss.AddToSnapshotSet(@"C:\");

        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.DoSnapshotSet()));
        vss.AbortBackup();
    }

    [Fact]
    public void A_context_without_writers_needs_no_PrepareForBackup()
    {
        using var vss = Sim.Initialized(_host, VssSnapshotContext.FileShareBackup);
        vss.StartSnapshotSet();
        var id = vss.AddToSnapshotSet(@"D:\");

        vss.DoSnapshotSet().WaitAndCheck("DoSnapshotSet");

        Assert.Equal(VssSnapshotContext.FileShareBackup, vss.GetSnapshotProperties(id).Context);
    }

    [Theory]
    [InlineData("C:")]
    [InlineData(@"\\?\Volume{00000000-0000-0000-0000-000000000000}")]
    public void A_volume_without_trailing_backslash_is_E_INVALIDARG(string volume)
    {
        using var vss = Sim.Initialized(_host);
        vss.StartSnapshotSet();

        Sim.AssertCode(HResults.E_INVALIDARG, Sim.Throws(() => vss.AddToSnapshotSet(volume)));
        Sim.AssertCode(HResults.E_INVALIDARG, Sim.Throws(() => vss.IsVolumeSupported(volume)));
        vss.AbortBackup();
    }

    [Fact]
    public void Unknown_unsupported_and_duplicate_volumes_get_their_documented_codes()
    {
        var host = Sim.Host(configure: o => o with { Volumes = [@"C:\", @"D:\"], UnsupportedVolumes = [@"E:\"] });
        using var vss = Sim.Initialized(host);
        vss.StartSnapshotSet();
        vss.AddToSnapshotSet(@"C:\");

        Sim.AssertCode(HResults.VSS_E_OBJECT_NOT_FOUND, Sim.Throws(() => vss.AddToSnapshotSet(@"Z:\")));
        Sim.AssertCode(HResults.VSS_E_VOLUME_NOT_SUPPORTED, Sim.Throws(() => vss.AddToSnapshotSet(@"E:\")));
        Sim.AssertCode(HResults.VSS_E_OBJECT_ALREADY_EXISTS, Sim.Throws(() => vss.AddToSnapshotSet(@"c:\")));
        Sim.AssertCode(HResults.VSS_E_PROVIDER_NOT_REGISTERED, Sim.Throws(() => vss.AddToSnapshotSet(@"D:\", Guid.NewGuid())));
        vss.AddToSnapshotSet(@"D:\", SimulatedVssHost.ProviderId);
        vss.AbortBackup();
    }

    [Fact]
    public void IsVolumeSupported_is_false_for_unsupported_and_VSS_E_OBJECT_NOT_FOUND_for_unknown_volumes()
    {
        var host = Sim.Host(configure: o => o with { UnsupportedVolumes = [@"E:\"] });
        using var vss = Sim.Initialized(host);

        Assert.True(vss.IsVolumeSupported(@"C:\"));
        Assert.False(vss.IsVolumeSupported(@"E:\"));
        Sim.AssertCode(HResults.VSS_E_OBJECT_NOT_FOUND, Sim.Throws(() => vss.IsVolumeSupported(@"Q:\")));
    }

    [Fact]
    public void A_snapshot_set_holds_at_most_64_volumes()
    {
        var volumes = Enumerable.Range(1, 65).Select(i => $@"\\?\Volume{{{i:D8}-0000-0000-0000-000000000000}}\").ToList();
        var host = Sim.Host(configure: o => o with { Volumes = volumes });
        using var vss = Sim.Initialized(host);
        vss.StartSnapshotSet();
        foreach (var volume in volumes.Take(64))
        {
            vss.AddToSnapshotSet(volume);
        }

        var error = Sim.Throws(() => vss.AddToSnapshotSet(volumes[64]));

        Sim.AssertCode(HResults.VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED, error);
        vss.AbortBackup();
    }

    [Fact]
    public void No_BackupComplete_after_a_failed_DoSnapshotSet()
    {
        _host.Faults.Add(new CallFault(VssCallNames.DoSnapshotSet, HResults.VSS_E_PROVIDER_VETO));
        using var vss = Sim.Initialized(_host);
        Sim.GatherMetadata(vss);
        vss.StartSnapshotSet();
        var id = vss.AddToSnapshotSet(@"C:\");
        vss.PrepareForBackup().WaitAndCheck("PrepareForBackup");

        Assert.Equal(HResults.VSS_E_PROVIDER_VETO, vss.DoSnapshotSet().WaitForStatus());

        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.BackupComplete()));
        Sim.AssertCode(HResults.VSS_E_OBJECT_NOT_FOUND, Sim.Throws(() => vss.GetSnapshotProperties(id)));
        Assert.False(_host.IsSnapshotSetCreationInProgress);
        Assert.Equal(0, _host.Accounting.SnapshotsAlive);
    }

    [Fact]
    public void BackupComplete_twice_and_a_second_snapshot_set_on_one_object_are_VSS_E_BAD_STATE()
    {
        using var vss = Sim.Initialized(_host);
        Sim.CreateSnapshots(vss, @"C:\");
        vss.BackupComplete().WaitAndCheck("BackupComplete");

        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.BackupComplete()));
        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.StartSnapshotSet()));
    }

    [Fact]
    public void AbortBackup_discards_the_set_and_ends_the_backup()
    {
        using var vss = Sim.Initialized(_host);
        Sim.GatherMetadata(vss);
        vss.StartSnapshotSet();
        vss.AddToSnapshotSet(@"C:\");
        Assert.True(_host.IsSnapshotSetCreationInProgress);

        vss.AbortBackup();

        Assert.False(_host.IsSnapshotSetCreationInProgress);
        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.PrepareForBackup()));
        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.DoSnapshotSet()));
        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.AddToSnapshotSet(@"D:\")));
        vss.AbortBackup(); // nothing under way any more: ignored
    }

    [Fact]
    public void AbortBackup_after_DoSnapshotSet_returns_writers_to_stable_and_forbids_BackupComplete()
    {
        using var vss = Sim.Initialized(_host);
        Sim.CreateSnapshots(vss, @"C:\");

        vss.AbortBackup();

        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.BackupComplete()));
        Assert.All(Sim.GatherStatus(vss), s => Assert.Equal(VssWriterState.Stable, s.State));
    }

    [Fact]
    public void SetContext_only_once_and_before_StartSnapshotSet()
    {
        using var vss = _host.CreateFactory().CreateVssBackupComponents();
        vss.InitializeForBackup();
        vss.SetContext(VssSnapshotContext.Backup);
        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.SetContext(VssSnapshotContext.AppRollback)));

        using var other = Sim.Initialized(_host);
        other.StartSnapshotSet();
        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => other.SetContext(VssSnapshotContext.AppRollback)));
        other.AbortBackup();
    }

    [Fact]
    public void SetContext_rejects_values_that_are_not_contexts_and_creation_with_VSS_CTX_ALL()
    {
        using var vss = _host.CreateFactory().CreateVssBackupComponents();
        vss.InitializeForBackup();
        Sim.AssertCode(HResults.E_INVALIDARG, Sim.Throws(() => vss.SetContext((VssSnapshotContext)0x7)));
        vss.SetContext(VssSnapshotContext.All);

        Sim.AssertCode(HResults.VSS_E_UNSUPPORTED_CONTEXT, Sim.Throws(() => vss.StartSnapshotSet()));
        Assert.False(_host.IsSnapshotSetCreationInProgress);
    }

    [Fact]
    public void WriterMetadata_is_readable_only_between_gather_completion_and_Free()
    {
        var clock = new ManualTimeProvider();
        var host = Sim.Host(clock);
        host.Latency.Set(VssCallNames.GatherWriterMetadata, TimeSpan.FromSeconds(1));
        using var vss = Sim.Initialized(host);
        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.WriterMetadata));

        using var gather = vss.GatherWriterMetadata();
        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.WriterMetadata));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotEmpty(vss.WriterMetadata);
        vss.FreeWriterMetadata();

        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.WriterMetadata));
    }

    [Fact]
    public void WriterStatus_is_readable_only_between_gather_completion_and_Free_and_gathering_repeats()
    {
        using var vss = Sim.Initialized(_host);
        Sim.GatherMetadata(vss);
        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.WriterStatus));

        var first = Sim.GatherStatus(vss);
        var second = Sim.GatherStatus(vss);

        Assert.Equal(first, second);
        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.WriterStatus));
        Assert.Equal(2, _host.Accounting.WriterStatusGathered);
        Assert.Equal(2, _host.Accounting.WriterStatusFreed);
    }

    [Fact]
    public void One_asynchronous_operation_at_a_time_per_object()
    {
        var clock = new ManualTimeProvider();
        var host = Sim.Host(clock);
        host.Latency.Set(VssCallNames.GatherWriterMetadata, TimeSpan.FromSeconds(5));
        using var vss = Sim.Initialized(host);
        using var gather = vss.GatherWriterMetadata();

        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.GatherWriterStatus()));

        clock.Advance(TimeSpan.FromSeconds(5));
        Sim.GatherStatus(vss);
        vss.FreeWriterMetadata();
    }

    [Fact]
    public void AddComponent_validates_writer_component_and_duplicates_and_SetBackupSucceeded_needs_added_components()
    {
        using var vss = Sim.Initialized(_host, selectComponents: true);
        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.AddComponent(Guid.NewGuid(), Guid.NewGuid(), VssComponentType.Database, null, "x")));
        var sql = Sim.GatherMetadata(vss).Single(w => w.WriterName == DefaultWriters.SqlServerWriter);
        var sales = sql.Components.Single(c => c.ComponentName == "Sales");

        vss.AddComponent(sql.InstanceId, sql.WriterId, sales.Type, sales.LogicalPath, sales.ComponentName);

        Sim.AssertCode(HResults.VSS_E_OBJECT_ALREADY_EXISTS, Sim.Throws(() => vss.AddComponent(sql.InstanceId, sql.WriterId, sales.Type, sales.LogicalPath, sales.ComponentName)));
        Sim.AssertCode(HResults.VSS_E_OBJECT_NOT_FOUND, Sim.Throws(() => vss.AddComponent(sql.InstanceId, sql.WriterId, VssComponentType.Database, DefaultWriters.SqlInstance, "Payroll")));
        Sim.AssertCode(HResults.VSS_E_OBJECT_NOT_FOUND, Sim.Throws(() => vss.AddComponent(Guid.NewGuid(), sql.WriterId, sales.Type, sales.LogicalPath, sales.ComponentName)));
        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.SetBackupSucceeded(sql.InstanceId, sql.WriterId, sales.Type, sales.LogicalPath, sales.ComponentName, true)));

        vss.StartSnapshotSet();
        vss.AddToSnapshotSet(@"D:\");
        vss.PrepareForBackup().WaitAndCheck("PrepareForBackup");
        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.AddComponent(sql.InstanceId, sql.WriterId, VssComponentType.Database, DefaultWriters.SqlInstance, "Inventory")));
        vss.DoSnapshotSet().WaitAndCheck("DoSnapshotSet");
        vss.SetBackupSucceeded(sql.InstanceId, sql.WriterId, sales.Type, sales.LogicalPath, sales.ComponentName, true);
        Sim.AssertCode(HResults.VSS_E_OBJECT_NOT_FOUND, Sim.Throws(() => vss.SetBackupSucceeded(sql.InstanceId, sql.WriterId, VssComponentType.Database, DefaultWriters.SqlInstance, "Inventory", true)));
        vss.BackupComplete().WaitAndCheck("BackupComplete");
    }

    [Fact]
    public void Writer_selection_is_fixed_at_PrepareForBackup()
    {
        using var vss = Sim.Initialized(_host);
        Sim.GatherMetadata(vss);
        vss.StartSnapshotSet();
        vss.AddToSnapshotSet(@"C:\");
        vss.PrepareForBackup().WaitAndCheck("PrepareForBackup");

        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.DisableWriterClasses(Guid.NewGuid())));
        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.EnableWriterClasses(Guid.NewGuid())));
        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.DisableWriterInstances(Guid.NewGuid())));
        vss.AbortBackup();
    }

    [Fact]
    public void A_released_object_throws_ObjectDisposedException_and_counts_a_violation()
    {
        var vss = Sim.Initialized(_host);
        vss.Dispose();

        Assert.Throws<ObjectDisposedException>(() => vss.QuerySnapshots());
        Assert.Equal(1, _host.Accounting.StateViolations);
        vss.Dispose();
        Assert.Equal(1, _host.Accounting.ObjectsReleased);
    }
}
