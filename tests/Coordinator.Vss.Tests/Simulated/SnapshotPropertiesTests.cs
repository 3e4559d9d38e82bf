using Coordinator.Vss.Simulated;
using Coordinator.Vss.Tests.Support;

namespace Coordinator.Vss.Tests.Simulated;

public sealed class SnapshotPropertiesTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
    private readonly SimulatedVssHost _host;

    public SnapshotPropertiesTests() => _host = Sim.Host(_clock, o => o with { MachineName = "SRV01" });

    [Fact]
    public void Properties_describe_the_snapshot_as_VSS_SNAPSHOT_PROP_does()
    {
        using var vss = Sim.Initialized(_host);
        Sim.GatherMetadata(vss);
        var setId = vss.StartSnapshotSet();
        var c = vss.AddToSnapshotSet(@"C:\");
        var d = vss.AddToSnapshotSet(@"D:\");
        vss.PrepareForBackup().WaitAndCheck("PrepareForBackup");
        vss.DoSnapshotSet().WaitAndCheck("DoSnapshotSet");

        var properties = vss.GetSnapshotProperties(d);

        Assert.Equal(d, properties.SnapshotId);
        Assert.Equal(setId, properties.SnapshotSetId);
        Assert.Equal(2, properties.SnapshotsCount);
        Assert.Equal(@"\\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy2", properties.SnapshotDeviceObject);
        Assert.Equal(@"\\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy1", vss.GetSnapshotProperties(c).SnapshotDeviceObject);
        Assert.Equal(@"D:\", properties.OriginalVolumeName);
        Assert.Equal("SRV01", properties.OriginatingMachine);
        Assert.Equal(_clock.GetUtcNow(), properties.CreationTimestamp);
        Assert.Equal(SimulatedVssHost.ProviderId, properties.ProviderId);
        Assert.Equal(VssSnapshotContext.Backup, properties.Context);
        Assert.False(properties.Persistent);
    }

    [Fact]
    public void Device_numbers_increase_per_host_and_are_never_reused()
    {
        var devices = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            using var vss = Sim.Initialized(_host);
            var id = Sim.CreateSnapshots(vss, @"C:\").Single();
            devices.Add(vss.GetSnapshotProperties(id).SnapshotDeviceObject);
        }

        Assert.Equal(Enumerable.Range(1, 11).Select(n => $@"\\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy{n}"), devices);
        var other = Sim.Host();
        using var first = Sim.Initialized(other);
        var otherId = Sim.CreateSnapshots(first, @"C:\").Single();
        Assert.EndsWith("ShadowCopy1", first.GetSnapshotProperties(otherId).SnapshotDeviceObject);
    }

    [Theory]
    [InlineData(VssSnapshotContext.AppRollback, true)]
    [InlineData(VssSnapshotContext.ClientAccessibleWriters, true)]
    [InlineData(VssSnapshotContext.NasRollback, true)]
    [InlineData(VssSnapshotContext.ClientAccessible, true)]
    [InlineData(VssSnapshotContext.FileShareBackup, false)]
    [InlineData(VssSnapshotContext.Backup, false)]
    public void Contexts_with_the_persistent_attribute_make_snapshots_that_outlive_the_object(VssSnapshotContext context, bool persistent)
    {
        Guid id;
        using (var vss = Sim.Initialized(_host, context))
        {
            id = Sim.CreateSnapshots(vss, @"C:\").Single();
            Assert.Equal(persistent, vss.GetSnapshotProperties(id).Persistent);
        }

        using (var admin = Sim.Initialized(_host, VssSnapshotContext.All))
        {
            Assert.Equal(persistent, admin.QuerySnapshots().Any(p => p.SnapshotId == id));
        }
        Assert.Equal(0, _host.Accounting.Leaks);
    }
}
