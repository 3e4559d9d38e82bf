using Coordinator.Vss.Simulated;
using Coordinator.Vss.Tests.Support;

namespace Coordinator.Vss.Tests.Simulated;

/// <summary>
/// Seeded random walks over the whole port (deterministic: the seeds are fixed): whatever the order of calls, the simulator
/// answers only with catalogued VSS codes, never corrupts itself, and releasing every object frees the creation slot and
/// every non-persistent snapshot.
/// </summary>
public sealed class RandomCallSequenceTests
{
    private static readonly string[] Volumes = [@"C:\", @"D:\", @"E:\", "C:"];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Any_call_sequence_yields_catalogued_codes_and_cleans_up_on_release(int seed) => Walk(seed);

    [Fact]
    public void The_walks_reach_the_deep_states_not_only_early_errors()
    {
        var walks = Enumerable.Range(1, 40).Select(Walk).ToList();

        Assert.True(walks.Count(w => w.MaxSnapshotsAlive > 0) >= 5, "too few walks created snapshots");
        Assert.True(walks.Count(w => w.BackupCompleted) >= 3, "too few walks completed a backup");
        Assert.True(walks.Count(w => w.StatusGathered) >= 5, "too few walks gathered writer status");
    }

    private sealed record WalkStats(int MaxSnapshotsAlive, bool BackupCompleted, bool StatusGathered);

    /// <summary>
    /// Half of the steps follow the documented sequence for the chosen object (so walks get deep), half are any call at all.
    /// </summary>
    private static WalkStats Walk(int seed)
    {
        var random = new Random(seed);
        var clock = new ManualTimeProvider();
        var host = Sim.Host(clock, o => o with { UnsupportedVolumes = [@"E:\"] });
        host.Latency.Set(VssCallNames.DoSnapshotSet, TimeSpan.FromSeconds(random.Next(0, 3)));
        host.Latency.Set(VssCallNames.GatherWriterMetadata, TimeSpan.FromSeconds(random.Next(0, 2)));
        if (random.Next(2) == 0)
        {
            host.Faults.Add(new CallFault(VssCallNames.DoSnapshotSet, HResults.VSS_E_FLUSH_WRITES_TIMEOUT, times: 2));
        }
        var factory = host.CreateFactory();
        var objects = Enumerable.Range(0, 3).Select(_ => factory.CreateVssBackupComponents()).ToList();
        var pending = new List<IVssAsync>();
        var snapshotIds = new List<Guid>();
        var scriptPositions = new int[objects.Count];
        var maxSnapshots = 0;
        var backupCompleted = false;

        for (var step = 0; step < 80; step++)
        {
            var index = random.Next(objects.Count);
            var vss = objects[index];
            try
            {
                if (random.Next(2) == 0)
                {
                    backupCompleted |= Script(vss, scriptPositions[index]++ % ScriptLength, pending, snapshotIds);
                }
                else
                {
                    Act(vss, random, pending, snapshotIds, clock);
                }
            }
            catch (VssException e)
            {
                Assert.True(VssErrorCatalog.Find(e.HResult) is not null, $"seed {seed} step {step}: uncatalogued {e.HResultHex}: {e.Message}");
                Assert.Equal(e.HResult, VssException.Create(e.HResult, "x").HResult);
            }
            maxSnapshots = Math.Max(maxSnapshots, host.Accounting.SnapshotsAlive);
        }
        var beforeRelease = host.Accounting;

        objects.ForEach(o => o.Dispose());
        var accounting = host.Accounting;
        Assert.Equal(0, accounting.ObjectsNotReleased);
        Assert.Equal(0, accounting.NonPersistentSnapshotsAlive);
        Assert.Equal(0, accounting.WrongThreadCalls);
        Assert.False(host.IsSnapshotSetCreationInProgress, $"seed {seed}: the creation slot leaked");
        Assert.All(pending, p => Assert.NotEqual(HResults.VSS_S_ASYNC_PENDING, p.QueryStatus()));
        using (var next = Sim.Initialized(host))
        {
            next.StartSnapshotSet();
            next.AbortBackup();
        }
        return new WalkStats(maxSnapshots, backupCompleted, beforeRelease.WriterStatusGathered > 0);
    }

    private const int ScriptLength = 12;

    /// <summary>
    /// The documented sequence, one step at a time; async steps wait long enough for the latencies used here.
    /// True when this step completed a backup (BackupComplete finished).
    /// </summary>
    private static bool Script(IVssBackupComponents vss, int position, List<IVssAsync> pending, List<Guid> snapshotIds)
    {
        IVssAsync Wait(IVssAsync operation)
        {
            pending.Add(operation);
            operation.Wait(TimeSpan.FromSeconds(5));
            return operation;
        }
        switch (position)
        {
            case 0: vss.InitializeForBackup(); break;
            case 1: vss.SetBackupState(false, true, VssBackupType.Full, false); break;
            case 2: Wait(vss.GatherWriterMetadata()); break;
            case 3: vss.FreeWriterMetadata(); break;
            case 4: vss.StartSnapshotSet(); break;
            case 5: snapshotIds.Add(vss.AddToSnapshotSet(@"C:")); break;
            case 6: Wait(vss.PrepareForBackup()); break;
            case 7: Wait(vss.DoSnapshotSet()); break;
            case 8: vss.GetSnapshotProperties(snapshotIds.Count == 0 ? Guid.NewGuid() : snapshotIds[^1]); break;
            case 9: return Wait(vss.BackupComplete()).QueryStatus() == HResults.VSS_S_ASYNC_FINISHED;
            case 10: Wait(vss.GatherWriterStatus()); break;
            default: vss.FreeWriterStatus(); break;
        }
        return false;
    }

    private static void Act(IVssBackupComponents vss, Random random, List<IVssAsync> pending, List<Guid> snapshotIds, ManualTimeProvider clock)
    {
        switch (random.Next(22))
        {
            case 0: vss.InitializeForBackup(); break;
            case 1: vss.SetContext(random.Next(3) switch { 0 => VssSnapshotContext.Backup, 1 => VssSnapshotContext.AppRollback, _ => VssSnapshotContext.FileShareBackup }); break;
            case 2: vss.SetBackupState(random.Next(2) == 0, true, VssBackupType.Full, false); break;
            case 3: pending.Add(vss.GatherWriterMetadata()); break;
            case 4: _ = vss.WriterMetadata; break;
            case 5: vss.FreeWriterMetadata(); break;
            case 6: vss.StartSnapshotSet(); break;
            case 7: snapshotIds.Add(vss.AddToSnapshotSet(Volumes[random.Next(Volumes.Length)])); break;
            case 8: pending.Add(vss.PrepareForBackup()); break;
            case 9: pending.Add(vss.DoSnapshotSet()); break;
            case 10: vss.GetSnapshotProperties(snapshotIds.Count == 0 ? Guid.NewGuid() : snapshotIds[random.Next(snapshotIds.Count)]); break;
            case 11: pending.Add(vss.BackupComplete()); break;
            case 12: pending.Add(vss.GatherWriterStatus()); break;
            case 13: _ = vss.WriterStatus; break;
            case 14: vss.FreeWriterStatus(); break;
            case 15: vss.AbortBackup(); break;
            case 16: vss.QuerySnapshots(); break;
            case 17: vss.DeleteSnapshot(snapshotIds.Count == 0 ? Guid.NewGuid() : snapshotIds[random.Next(snapshotIds.Count)], false); break;
            case 18: vss.IsVolumeSupported(Volumes[random.Next(Volumes.Length)]); break;
            case 19: clock.Advance(TimeSpan.FromMilliseconds(random.Next(0, 1500))); break;
            case 20 when pending.Count > 0: CallOnOwner(pending[random.Next(pending.Count)], random); break;
            default: vss.DisableWriterClasses(Guid.NewGuid()); break;
        }
    }

    /// <summary>Waits on or cancels an operation; all objects live on this thread, so any operation may be touched.</summary>
    private static void CallOnOwner(IVssAsync operation, Random random)
    {
        if (random.Next(3) == 0)
        {
            operation.Cancel();
        }
        else
        {
            operation.Wait(TimeSpan.FromMilliseconds(random.Next(0, 2000)));
        }
        Assert.Contains(operation.QueryStatus(), new[]
        {
            HResults.VSS_S_ASYNC_PENDING, HResults.VSS_S_ASYNC_FINISHED, HResults.VSS_S_ASYNC_CANCELLED, HResults.VSS_E_FLUSH_WRITES_TIMEOUT,
        });
    }
}
