using Coordinator.Vss.Simulated;
using Coordinator.Vss.Tests.Support;

namespace Coordinator.Vss.Tests.Simulated;

/// <summary>The accounting: a correct sequence leaves no leak; each omission is counted as one.</summary>
public sealed class AccountingTests
{
    private readonly SimulatedVssHost _host = Sim.Host();

    [Fact]
    public void A_full_correct_sequence_leaves_no_leak_and_counts_every_call()
    {
        Sim.FullBackup(_host, @"C:\", @"D:\");

        var accounting = _host.Accounting;
        Assert.Equal(0, accounting.Leaks);
        Assert.Equal(1, accounting.ObjectsCreated);
        Assert.Equal(1, accounting.ObjectsReleased);
        Assert.Equal(1, accounting.WriterMetadataGathered);
        Assert.Equal(1, accounting.WriterMetadataFreed);
        Assert.Equal(1, accounting.WriterStatusGathered);
        Assert.Equal(1, accounting.WriterStatusFreed);
        Assert.Equal(0, accounting.SnapshotsAlive);
        Assert.Equal(0, accounting.WrongThreadCalls);
        Assert.Equal(0, accounting.StateViolations);
        Assert.Equal(2, accounting.CallsOf(VssCallNames.AddToSnapshotSet));
        Assert.Equal(1, accounting.CallsOf(VssCallNames.CreateVssBackupComponents));
        Assert.Equal(1, accounting.CallsOf(VssCallNames.DoSnapshotSet));
        Assert.Equal(1, accounting.CallsOf(VssCallNames.Dispose));
    }

    [Fact]
    public void Missing_FreeWriterStatus_is_a_leak()
    {
        using (var vss = Sim.Initialized(_host))
        {
            Sim.GatherMetadata(vss);
            vss.GatherWriterStatus().WaitAndCheck("GatherWriterStatus");
        }

        Assert.Equal(1, _host.Accounting.StatusNotFreed);
        Assert.Equal(1, _host.Accounting.Leaks);
    }

    [Fact]
    public void Gathering_status_again_without_freeing_is_a_leak()
    {
        using (var vss = Sim.Initialized(_host))
        {
            Sim.GatherMetadata(vss);
            vss.GatherWriterStatus().WaitAndCheck("GatherWriterStatus");
            vss.GatherWriterStatus().WaitAndCheck("GatherWriterStatus");
            vss.FreeWriterStatus();
        }

        Assert.Equal(1, _host.Accounting.Leaks);
    }

    [Fact]
    public void Missing_FreeWriterMetadata_is_a_leak()
    {
        using (var vss = Sim.Initialized(_host))
        {
            vss.GatherWriterMetadata().WaitAndCheck("GatherWriterMetadata");
        }

        Assert.Equal(1, _host.Accounting.MetadataNotFreed);
        Assert.Equal(1, _host.Accounting.Leaks);
    }

    [Fact]
    public void Missing_Dispose_is_a_leak_and_so_are_the_non_persistent_snapshots_it_holds()
    {
        var vss = Sim.Initialized(_host);
        Sim.CreateSnapshots(vss, @"C:\", @"D:\");

        var accounting = _host.Accounting;
        Assert.Equal(1, accounting.ObjectsNotReleased);
        Assert.Equal(2, accounting.NonPersistentSnapshotsAlive);
        Assert.Equal(3, accounting.Leaks);

        vss.Dispose();
        Assert.Equal(0, _host.Accounting.Leaks);
    }

    [Fact]
    public void Persistent_snapshots_requested_as_persistent_are_not_leaks()
    {
        using (var vss = Sim.Initialized(_host, VssSnapshotContext.AppRollback))
        {
            Sim.CreateSnapshots(vss, @"C:\");
            vss.BackupComplete().WaitAndCheck("BackupComplete");
            Sim.GatherStatus(vss);
        }

        var accounting = _host.Accounting;
        Assert.Equal(1, accounting.SnapshotsAlive);
        Assert.Equal(1, accounting.PersistentSnapshotsAlive);
        Assert.Equal(0, accounting.Leaks);
    }

    [Fact]
    public void Freeing_when_nothing_is_held_is_harmless_and_not_counted()
    {
        using (var vss = Sim.Initialized(_host))
        {
            vss.FreeWriterStatus();
            vss.FreeWriterMetadata();
        }

        Assert.Equal(0, _host.Accounting.WriterStatusFreed);
        Assert.Equal(0, _host.Accounting.WriterMetadataFreed);
        Assert.Equal(0, _host.Accounting.Leaks);
    }

    [Fact]
    public void The_summary_names_every_counter()
    {
        var text = _host.Accounting.ToString();

        Assert.Contains("leaks 0", text);
        Assert.Contains("wrong-thread calls 0", text);
    }
}
