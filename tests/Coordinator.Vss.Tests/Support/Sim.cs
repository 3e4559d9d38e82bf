using Coordinator.Vss.Simulated;

namespace Coordinator.Vss.Tests.Support;

/// <summary>Shorthands for simulator tests: hosts, initialised objects, the documented sequence step by step.</summary>
public static class Sim
{
    public static SimulatedVssHost Host(ManualTimeProvider? clock = null, Func<SimulatedVssHostOptions, SimulatedVssHostOptions>? configure = null)
    {
        var options = new SimulatedVssHostOptions { TimeProvider = clock ?? (TimeProvider)new ManualTimeProvider() };
        return new SimulatedVssHost(configure is null ? options : configure(options));
    }

    public static IVssBackupComponents Initialized(SimulatedVssHost host, VssSnapshotContext? context = null, bool selectComponents = false)
    {
        var vss = host.CreateFactory().CreateVssBackupComponents();
        vss.InitializeForBackup();
        if (context is { } c)
        {
            vss.SetContext(c);
        }
        vss.SetBackupState(selectComponents, true, VssBackupType.Full, false);
        return vss;
    }

    public static IReadOnlyList<VssWriterMetadata> GatherMetadata(IVssBackupComponents vss)
    {
        vss.GatherWriterMetadata().WaitAndCheck("GatherWriterMetadata");
        var metadata = vss.WriterMetadata;
        vss.FreeWriterMetadata();
        return metadata;
    }

    public static IReadOnlyList<VssWriterStatusInfo> GatherStatus(IVssBackupComponents vss)
    {
        vss.GatherWriterStatus().WaitAndCheck("GatherWriterStatus");
        var status = vss.WriterStatus;
        vss.FreeWriterStatus();
        return status;
    }

    /// <summary>Metadata, set of <paramref name="volumes"/>, PrepareForBackup, DoSnapshotSet; returns the snapshot ids.</summary>
    public static IReadOnlyList<Guid> CreateSnapshots(IVssBackupComponents vss, params string[] volumes)
    {
        GatherMetadata(vss);
        vss.StartSnapshotSet();
        var ids = volumes.Select(v => vss.AddToSnapshotSet(v)).ToList();
        vss.PrepareForBackup().WaitAndCheck("PrepareForBackup");
        vss.DoSnapshotSet().WaitAndCheck("DoSnapshotSet");
        return ids;
    }

    /// <summary>The whole documented sequence, freeing and releasing everything.</summary>
    public static IReadOnlyList<VssWriterStatusInfo> FullBackup(SimulatedVssHost host, params string[] volumes)
    {
        using var vss = Initialized(host);
        CreateSnapshots(vss, volumes.Length == 0 ? [@"C:\"] : volumes);
        vss.BackupComplete().WaitAndCheck("BackupComplete");
        return GatherStatus(vss);
    }

    public static VssException Throws(Action act) => Assert.ThrowsAny<VssException>(act);

    public static VssException Throws(Func<object?> act) => Assert.ThrowsAny<VssException>(() => act());

    public static void AssertCode(int expected, VssException error) =>
        Assert.True(expected == error.HResult, $"expected {VssErrorCatalog.NameOf(expected)}, got {error.ErrorName}: {error.Message}");
}
