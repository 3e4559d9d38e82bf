using Coordinator.Vss.Simulated;
using Coordinator.Vss.Tests.Support;

namespace Coordinator.Vss.Tests.Simulated;

/// <summary>Writers: the default server set, their events, their states and failures as VSS reports them.</summary>
public sealed class WriterTests
{
    private readonly SimulatedVssHost _host = Sim.Host();

    [Fact]
    public void The_default_writers_are_a_Windows_server_with_SQL_Server_databases_on_D()
    {
        using var vss = Sim.Initialized(_host);
        var metadata = Sim.GatherMetadata(vss);

        Assert.Equal(
            ["System Writer", "Registry Writer", "COM+ REGDB Writer", "WMI Writer", "ASR Writer", "Task Scheduler Writer",
             "VSS Metadata Store Writer", "Shadow Copy Optimization Writer", "SqlServerWriter"],
            metadata.Select(w => w.WriterName));
        var sql = metadata.Single(w => w.WriterName == DefaultWriters.SqlServerWriter);
        Assert.Equal(Guid.Parse("a65faa63-5ea8-4ebc-9dbd-a0c4db26912a"), sql.WriterId);
        Assert.Equal(VssSourceType.TransactedDb, sql.Source);
        Assert.Equal(2, sql.Components.Count);
        Assert.All(sql.Components, c =>
        {
            Assert.Equal(VssComponentType.Database, c.Type);
            Assert.True(c.IsSelectable);
            Assert.Equal(DefaultWriters.SqlInstance, c.LogicalPath);
            Assert.NotEmpty(c.AllFiles);
            Assert.All(c.AllFiles, f => Assert.StartsWith(@"D:\", f.Path));
        });
        Assert.NotEmpty(metadata.Single(w => w.WriterName == DefaultWriters.ShadowCopyOptimizationWriter).ExcludeFiles);
        Assert.Equal(metadata.Count, metadata.Select(w => w.WriterId).Distinct().Count());
    }

    [Fact]
    public void After_DoSnapshotSet_writers_wait_for_BackupComplete_and_after_it_they_are_stable()
    {
        using var vss = Sim.Initialized(_host);
        Sim.CreateSnapshots(vss, @"C:\", @"D:\");

        Assert.All(Sim.GatherStatus(vss), s => Assert.Equal(VssWriterState.WaitingForBackupComplete, s.State));
        vss.BackupComplete().WaitAndCheck("BackupComplete");
        Assert.All(Sim.GatherStatus(vss), s =>
        {
            Assert.Equal(VssWriterState.Stable, s.State);
            Assert.Equal(0, s.Failure);
        });
    }

    [Fact]
    public void After_PrepareForBackup_writers_are_stable()
    {
        using var vss = Sim.Initialized(_host);
        Sim.GatherMetadata(vss);
        vss.StartSnapshotSet();
        vss.AddToSnapshotSet(@"C:\");
        vss.PrepareForBackup().WaitAndCheck("PrepareForBackup");

        Assert.All(Sim.GatherStatus(vss), s => Assert.Equal(VssWriterState.Stable, s.State));
        vss.AbortBackup();
    }

    [Fact]
    public void A_writer_failing_at_Freeze_ends_FailedAtFreeze_with_its_code_while_DoSnapshotSet_succeeds()
    {
        _host.Faults.Add(new WriterFault(DefaultWriters.SqlServerWriter, WriterPhase.Freeze, HResults.VSS_E_WRITERERROR_RETRYABLE));
        using var vss = Sim.Initialized(_host);
        var ids = Sim.CreateSnapshots(vss, @"C:\", @"D:\");

        var status = Sim.GatherStatus(vss);
        var sql = status.Single(s => s.Name == DefaultWriters.SqlServerWriter);
        Assert.Equal(VssWriterState.FailedAtFreeze, sql.State);
        Assert.Equal(HResults.VSS_E_WRITERERROR_RETRYABLE, sql.Failure);
        Assert.All(status.Where(s => s != sql), s => Assert.Equal(VssWriterState.WaitingForBackupComplete, s.State));
        Assert.All(ids, id => Assert.NotNull(vss.GetSnapshotProperties(id)));

        vss.BackupComplete().WaitAndCheck("BackupComplete");
        var after = Sim.GatherStatus(vss).Single(s => s.Name == DefaultWriters.SqlServerWriter);
        Assert.Equal(VssWriterState.FailedAtFreeze, after.State);
    }

    [Theory]
    [InlineData(WriterPhase.PrepareForBackup, VssWriterState.FailedAtPrepareBackup)]
    [InlineData(WriterPhase.PrepareForSnapshot, VssWriterState.FailedAtPrepareSnapshot)]
    [InlineData(WriterPhase.Thaw, VssWriterState.FailedAtThaw)]
    [InlineData(WriterPhase.PostSnapshot, VssWriterState.FailedAtPostSnapshot)]
    [InlineData(WriterPhase.BackupComplete, VssWriterState.FailedAtBackupComplete)]
    public void A_writer_failing_a_phase_ends_in_that_phase_s_failed_state(WriterPhase phase, VssWriterState expected)
    {
        _host.Faults.Add(new WriterFault(DefaultWriters.RegistryWriter, phase, HResults.VSS_E_WRITERERROR_NONRETRYABLE));
        using var vss = Sim.Initialized(_host);
        Sim.CreateSnapshots(vss, @"C:\");
        vss.BackupComplete().WaitAndCheck("BackupComplete");

        var registry = Sim.GatherStatus(vss).Single(s => s.Name == DefaultWriters.RegistryWriter);

        Assert.Equal(expected, registry.State);
        Assert.Equal(HResults.VSS_E_WRITERERROR_NONRETRYABLE, registry.Failure);
    }

    [Fact]
    public void A_writer_failing_Identify_sends_no_metadata_and_reports_FailedAtIdentify()
    {
        _host.Faults.Add(new WriterFault(DefaultWriters.WmiWriter, WriterPhase.Identify, HResults.VSS_E_WRITER_NOT_RESPONDING));
        using var vss = Sim.Initialized(_host);

        var metadata = Sim.GatherMetadata(vss);

        Assert.DoesNotContain(metadata, w => w.WriterName == DefaultWriters.WmiWriter);
        var wmi = Sim.GatherStatus(vss).Single(s => s.Name == DefaultWriters.WmiWriter);
        Assert.Equal(VssWriterState.FailedAtIdentify, wmi.State);
        Assert.Equal(HResults.VSS_E_WRITER_NOT_RESPONDING, wmi.Failure);
    }

    [Fact]
    public void A_writer_fault_may_name_the_state_and_match_by_class_id()
    {
        _host.Faults.Add(new WriterFault("a65faa63-5ea8-4ebc-9dbd-a0c4db26912a", WriterPhase.Thaw, HResults.VSS_E_WRITERERROR_TIMEOUT,
            state: VssWriterState.FailedAtFreeze));
        using var vss = Sim.Initialized(_host);
        Sim.CreateSnapshots(vss, @"D:\");

        var sql = Sim.GatherStatus(vss).Single(s => s.Name == DefaultWriters.SqlServerWriter);

        Assert.Equal(VssWriterState.FailedAtFreeze, sql.State);
        Assert.Equal(HResults.VSS_E_WRITERERROR_TIMEOUT, sql.Failure);
    }

    [Fact]
    public void Disabled_writers_are_not_involved_and_stay_stable()
    {
        _host.Faults.Add(new WriterFault(DefaultWriters.SqlServerWriter, WriterPhase.Freeze, HResults.VSS_E_WRITERERROR_RETRYABLE));
        using var vss = Sim.Initialized(_host);
        var metadata = Sim.GatherMetadata(vss);
        var sql = metadata.Single(w => w.WriterName == DefaultWriters.SqlServerWriter);
        var system = metadata.Single(w => w.WriterName == DefaultWriters.SystemWriter);
        vss.DisableWriterClasses(sql.WriterId);
        vss.DisableWriterInstances(system.InstanceId);
        vss.StartSnapshotSet();
        vss.AddToSnapshotSet(@"C:\");
        vss.PrepareForBackup().WaitAndCheck("PrepareForBackup");
        vss.DoSnapshotSet().WaitAndCheck("DoSnapshotSet");

        var status = Sim.GatherStatus(vss);

        Assert.Equal(VssWriterState.Stable, status.Single(s => s.Name == DefaultWriters.SqlServerWriter).State);
        Assert.Equal(VssWriterState.Stable, status.Single(s => s.Name == DefaultWriters.SystemWriter).State);
        Assert.Equal(VssWriterState.WaitingForBackupComplete, status.Single(s => s.Name == DefaultWriters.RegistryWriter).State);
        Assert.Equal(1, _host.Faults.WriterFaults.Single().Remaining);
    }

    [Fact]
    public void EnableWriterClasses_limits_the_backup_to_the_enabled_writers()
    {
        using var vss = Sim.Initialized(_host);
        var sql = Sim.GatherMetadata(vss).Single(w => w.WriterName == DefaultWriters.SqlServerWriter);
        vss.EnableWriterClasses(sql.WriterId);
        vss.StartSnapshotSet();
        vss.AddToSnapshotSet(@"D:\");
        vss.PrepareForBackup().WaitAndCheck("PrepareForBackup");
        vss.DoSnapshotSet().WaitAndCheck("DoSnapshotSet");

        var waiting = Sim.GatherStatus(vss).Where(s => s.State == VssWriterState.WaitingForBackupComplete).Select(s => s.Name);

        Assert.Equal([DefaultWriters.SqlServerWriter], waiting);
    }

    [Fact]
    public void In_component_mode_only_writers_with_added_components_take_part()
    {
        using var vss = Sim.Initialized(_host, selectComponents: true);
        var sql = Sim.GatherMetadata(vss).Single(w => w.WriterName == DefaultWriters.SqlServerWriter);
        var sales = sql.Components.Single(c => c.ComponentName == "Sales");
        vss.AddComponent(sql.InstanceId, sql.WriterId, sales.Type, sales.LogicalPath, sales.ComponentName);
        vss.StartSnapshotSet();
        vss.AddToSnapshotSet(@"D:\");
        vss.PrepareForBackup().WaitAndCheck("PrepareForBackup");
        vss.DoSnapshotSet().WaitAndCheck("DoSnapshotSet");

        var waiting = Sim.GatherStatus(vss).Where(s => s.State == VssWriterState.WaitingForBackupComplete).Select(s => s.Name);

        Assert.Equal([DefaultWriters.SqlServerWriter], waiting);
    }

    [Fact]
    public void A_selected_component_with_files_outside_the_set_fails_its_writer_with_INCONSISTENTSNAPSHOT()
    {
        using var vss = Sim.Initialized(_host, selectComponents: true);
        var sql = Sim.GatherMetadata(vss).Single(w => w.WriterName == DefaultWriters.SqlServerWriter);
        var sales = sql.Components.Single(c => c.ComponentName == "Sales");
        vss.AddComponent(sql.InstanceId, sql.WriterId, sales.Type, sales.LogicalPath, sales.ComponentName);
        vss.StartSnapshotSet();
        vss.AddToSnapshotSet(@"C:\"); // the databases are on D:
        vss.PrepareForBackup().WaitAndCheck("PrepareForBackup");

        vss.DoSnapshotSet().WaitAndCheck("DoSnapshotSet");

        var status = Sim.GatherStatus(vss).Single(s => s.Name == DefaultWriters.SqlServerWriter);
        Assert.Equal(VssWriterState.FailedAtPrepareSnapshot, status.State);
        Assert.Equal(HResults.VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT, status.Failure);
    }

    [Fact]
    public void In_a_context_without_writers_no_writer_takes_part()
    {
        _host.Faults.Add(new WriterFault(DefaultWriters.SqlServerWriter, WriterPhase.Freeze, HResults.VSS_E_WRITERERROR_RETRYABLE));
        using var vss = Sim.Initialized(_host, VssSnapshotContext.FileShareBackup);
        Sim.CreateSnapshots(vss, @"D:\");

        Assert.All(Sim.GatherStatus(vss), s => Assert.Equal(VssWriterState.Stable, s.State));
    }

    [Fact]
    public void Writer_faults_count_sessions_across_objects()
    {
        _host.Faults.Add(new WriterFault(DefaultWriters.SqlServerWriter, WriterPhase.Freeze, HResults.VSS_E_WRITERERROR_RETRYABLE, times: 1));

        var first = Sim.FullBackup(_host, @"D:\").Single(s => s.Name == DefaultWriters.SqlServerWriter);
        var second = Sim.FullBackup(_host, @"D:\").Single(s => s.Name == DefaultWriters.SqlServerWriter);

        Assert.Equal(VssWriterState.FailedAtFreeze, first.State);
        Assert.Equal(VssWriterState.Stable, second.State);
        Assert.Equal(0, _host.Accounting.Leaks);
    }

    [Fact]
    public void A_writer_fault_state_must_be_a_failure_state()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new WriterFault(DefaultWriters.SqlServerWriter, WriterPhase.Freeze, HResults.VSS_E_WRITERERROR_RETRYABLE, state: VssWriterState.Stable));
    }
}
