using System.Text.Json;
using Coordinator.Vss.Simulated;
using Coordinator.Vss.Tests.Support;

namespace Coordinator.Vss.Tests.Simulated;

/// <summary>
/// Persistent snapshots outlive their object and, with a state file, the process: a host that is abandoned without any
/// cleanup (as a process killed with SIGKILL would be) leaves them in the file, and a new host sees and can delete them.
/// </summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vss-persist-").FullName;

    private string StateFile => Path.Combine(_directory, "sim-host.json");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Persistent_snapshots_survive_an_abandoned_host_and_a_new_host_sees_and_deletes_them()
    {
        var crashed = NewHost();
        // The "process" dies holding its object: no Dispose, no cleanup. Only the state file remains.
        var vss = Sim.Initialized(crashed, VssSnapshotContext.AppRollback);
        var ids = Sim.CreateSnapshots(vss, @"C:\", @"D:\");
        var devices = ids.Select(id => vss.GetSnapshotProperties(id).SnapshotDeviceObject).ToList();

        var restarted = NewHost();
        using var cleaner = Sim.Initialized(restarted, VssSnapshotContext.All);
        var found = cleaner.QuerySnapshots();

        Assert.Equal(ids.Order(), found.Select(p => p.SnapshotId).Order());
        Assert.All(found, p => Assert.True(p.Persistent));
        Assert.Equal(devices.Order(), found.Select(p => p.SnapshotDeviceObject).Order());
        Assert.Equal(2, restarted.Accounting.PersistentSnapshotsAlive);

        Assert.Equal(2, cleaner.DeleteSnapshotSet(found[0].SnapshotSetId, forceDelete: false));
        Assert.Empty(cleaner.QuerySnapshots());
        Assert.Equal(0, NewHost().Accounting.SnapshotsAlive); // the deletion was persisted
    }

    [Fact]
    public void Non_persistent_snapshots_are_not_stored_they_die_with_the_process()
    {
        var crashed = NewHost();
        var vss = Sim.Initialized(crashed);
        Sim.CreateSnapshots(vss, @"C:\");
        Assert.Equal(1, crashed.Accounting.SnapshotsAlive);

        Assert.Equal(0, NewHost().Accounting.SnapshotsAlive);
    }

    [Fact]
    public void Device_numbers_keep_increasing_across_host_instances()
    {
        var first = NewHost();
        using (var vss = Sim.Initialized(first, VssSnapshotContext.AppRollback))
        {
            Sim.CreateSnapshots(vss, @"C:\");
        }
        var second = NewHost();
        using var next = Sim.Initialized(second);
        var id = Sim.CreateSnapshots(next, @"D:\").Single();

        Assert.Equal(@"\\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy2", next.GetSnapshotProperties(id).SnapshotDeviceObject);
    }

    [Fact]
    public void DeleteSnapshot_of_an_unknown_id_is_VSS_E_OBJECT_NOT_FOUND()
    {
        using var vss = Sim.Initialized(NewHost());

        Sim.AssertCode(HResults.VSS_E_OBJECT_NOT_FOUND, Sim.Throws(() => vss.DeleteSnapshot(Guid.NewGuid(), false)));
        Sim.AssertCode(HResults.VSS_E_OBJECT_NOT_FOUND, Sim.Throws(() => vss.DeleteSnapshotSet(Guid.NewGuid(), false)));
    }

    [Fact]
    public void The_state_file_is_replaced_atomically_and_holds_only_persistent_snapshots()
    {
        var host = NewHost();
        using (var vss = Sim.Initialized(host, VssSnapshotContext.ClientAccessible))
        {
            vss.StartSnapshotSet();
            vss.AddToSnapshotSet(@"C:\");
            vss.DoSnapshotSet().WaitAndCheck("DoSnapshotSet");
        }

        Assert.Equal(["sim-host.json"], Directory.GetFiles(_directory).Select(Path.GetFileName));
        using var json = JsonDocument.Parse(File.ReadAllText(StateFile));
        var stored = Assert.Single(json.RootElement.GetProperty("snapshots").EnumerateArray().ToList());
        Assert.True(stored.GetProperty("persistent").GetBoolean());
        Assert.Equal("ClientAccessible", stored.GetProperty("context").GetString());
    }

    [Fact]
    public void A_corrupt_state_file_says_which_file_and_what_to_do()
    {
        File.WriteAllText(StateFile, "{ not json");

        var error = Assert.Throws<InvalidDataException>(() => NewHost());

        Assert.Contains(StateFile, error.Message);
        Assert.Contains("delete it", error.Message);
    }

    [Fact]
    public void Persistent_snapshots_stay_after_Dispose_until_deleted_and_QuerySnapshots_filters_by_context()
    {
        var host = Sim.Host();
        Guid persistentId;
        using (var vss = Sim.Initialized(host, VssSnapshotContext.AppRollback))
        {
            persistentId = Sim.CreateSnapshots(vss, @"C:\").Single();
        }
        using var backup = Sim.Initialized(host);
        var nonPersistentId = Sim.CreateSnapshots(backup, @"D:\").Single();

        Assert.Equal([nonPersistentId], backup.QuerySnapshots().Select(p => p.SnapshotId));
        using var admin = Sim.Initialized(host, VssSnapshotContext.All);
        Assert.Equal([persistentId, nonPersistentId], admin.QuerySnapshots().Select(p => p.SnapshotId));
        Assert.True(admin.GetSnapshotProperties(persistentId).Persistent);
        admin.DeleteSnapshot(persistentId, forceDelete: false);
        Assert.Equal([nonPersistentId], admin.QuerySnapshots().Select(p => p.SnapshotId));
    }

    private SimulatedVssHost NewHost() =>
        new(new SimulatedVssHostOptions { TimeProvider = new ManualTimeProvider(), PersistentStateFile = StateFile });
}
