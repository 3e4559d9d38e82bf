using Coordinator.Vss.Simulated;
using Coordinator.Vss.Tests.Support;

namespace Coordinator.Vss.Tests.Simulated;

/// <summary>Many requesters on many threads sharing one host: the host stays consistent and nothing leaks.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void Concurrent_full_backups_that_retry_the_creation_slot_all_succeed_without_leaks()
    {
        const int threads = 4;
        const int backupsPerThread = 5;
        var host = Sim.Host();
        var devices = new System.Collections.Concurrent.ConcurrentBag<string>();
        var contention = 0;

        var workers = Enumerable.Range(0, threads).Select(_ => new JoinableThread(() =>
        {
            for (var i = 0; i < backupsPerThread; i++)
            {
                using var vss = Sim.Initialized(host);
                Sim.GatherMetadata(vss);
                // VSS_E_SNAPSHOT_SET_IN_PROGRESS is a retry-the-step error: retry until the holder is done (bounded).
                var spin = new SpinWait();
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        vss.StartSnapshotSet();
                        break;
                    }
                    catch (VssSnapshotSetInProgressException) when (attempt < 1_000_000)
                    {
                        Interlocked.Increment(ref contention);
                        spin.SpinOnce();
                    }
                }
                var id = vss.AddToSnapshotSet(@"D:\");
                vss.PrepareForBackup().WaitAndCheck("PrepareForBackup");
                vss.DoSnapshotSet().WaitAndCheck("DoSnapshotSet");
                devices.Add(vss.GetSnapshotProperties(id).SnapshotDeviceObject);
                vss.BackupComplete().WaitAndCheck("BackupComplete");
                Assert.All(Sim.GatherStatus(vss), s => Assert.Equal(VssWriterState.Stable, s.State));
            }
        })).ToList();
        workers.ForEach(w => w.Join());

        var accounting = host.Accounting;
        Assert.Equal(threads * backupsPerThread, accounting.ObjectsReleased);
        Assert.Equal(0, accounting.Leaks);
        Assert.Equal(0, accounting.WrongThreadCalls);
        Assert.Equal(0, accounting.StateViolations);
        Assert.Equal(threads * backupsPerThread + contention, accounting.CallsOf(VssCallNames.StartSnapshotSet));
        Assert.Equal(threads * backupsPerThread, devices.Distinct().Count());
        Assert.False(host.IsSnapshotSetCreationInProgress);
    }
}
