using Coordinator.Vss.Simulated;
using Coordinator.Vss.Tests.Support;

namespace Coordinator.Vss.Tests.Simulated;

/// <summary>
/// "Only one shadow copy creation operation can be in progress at one time" per machine: the slot is taken by
/// StartSnapshotSet and freed when DoSnapshotSet completes, fails or is cancelled, by AbortBackup, or by releasing the object.
/// </summary>
public sealed class CreationSlotTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly SimulatedVssHost _host;

    public CreationSlotTests() => _host = Sim.Host(_clock);

    [Fact]
    public void A_second_object_gets_VSS_E_SNAPSHOT_SET_IN_PROGRESS_while_the_first_holds_the_slot()
    {
        using var first = Sim.Initialized(_host);
        first.StartSnapshotSet();
        using var second = Sim.Initialized(_host);

        var error = Sim.Throws(() => second.StartSnapshotSet());

        Assert.IsType<VssSnapshotSetInProgressException>(error);
        Assert.Equal(VssErrorClass.RetryStep, error.ErrorClass);
        Assert.Equal(0, _host.Accounting.StateViolations);
        first.AbortBackup();
        second.StartSnapshotSet();
        second.AbortBackup();
    }

    [Fact]
    public void The_slot_is_held_while_DoSnapshotSet_is_pending_and_freed_when_its_time_has_come()
    {
        _host.Latency.Set(VssCallNames.DoSnapshotSet, TimeSpan.FromSeconds(10));
        using var first = Sim.Initialized(_host);
        GatherAndOpenSet(first);
        using var creating = first.DoSnapshotSet();
        using var second = Sim.Initialized(_host);

        _clock.Advance(TimeSpan.FromSeconds(9));
        Sim.AssertCode(HResults.VSS_E_SNAPSHOT_SET_IN_PROGRESS, Sim.Throws(() => second.StartSnapshotSet()));
        _clock.Advance(TimeSpan.FromSeconds(1));

        // Nobody asked the first object: the host settles its DoSnapshotSet when the second one wants the slot.
        second.StartSnapshotSet();
        Assert.Equal(HResults.VSS_S_ASYNC_FINISHED, creating.QueryStatus());
        second.AbortBackup();
    }

    [Fact]
    public void A_cancelled_DoSnapshotSet_frees_the_slot_and_creates_nothing()
    {
        _host.Latency.Set(VssCallNames.DoSnapshotSet, TimeSpan.FromSeconds(10));
        using var first = Sim.Initialized(_host);
        var id = GatherAndOpenSet(first);
        using var creating = first.DoSnapshotSet();

        creating.Cancel();

        Assert.Equal(HResults.VSS_S_ASYNC_CANCELLED, creating.QueryStatus());
        Assert.False(_host.IsSnapshotSetCreationInProgress);
        Sim.AssertCode(HResults.VSS_E_OBJECT_NOT_FOUND, Sim.Throws(() => first.GetSnapshotProperties(id)));
        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => first.BackupComplete()));
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(HResults.VSS_S_ASYNC_CANCELLED, creating.QueryStatus());
        Assert.Equal(0, _host.Accounting.SnapshotsAlive);
    }

    [Fact]
    public void Releasing_the_holder_frees_the_slot()
    {
        var first = Sim.Initialized(_host);
        first.StartSnapshotSet();

        first.Dispose();

        Assert.False(_host.IsSnapshotSetCreationInProgress);
    }

    [Fact]
    public void The_object_holding_the_slot_gets_VSS_E_SNAPSHOT_SET_IN_PROGRESS_for_a_second_StartSnapshotSet()
    {
        using var vss = Sim.Initialized(_host);
        vss.StartSnapshotSet();

        Sim.AssertCode(HResults.VSS_E_SNAPSHOT_SET_IN_PROGRESS, Sim.Throws(() => vss.StartSnapshotSet()));
        vss.AbortBackup();
    }

    [Fact]
    public void Objects_on_many_threads_get_the_slot_one_at_a_time()
    {
        const int threads = 6;
        var host = Sim.Host();
        using var start = new Barrier(threads);
        var outcomes = new int[threads];
        var workers = Enumerable.Range(0, threads).Select(i => new JoinableThread(() =>
        {
            using var vss = Sim.Initialized(host);
            start.SignalAndWait();
            try
            {
                vss.StartSnapshotSet();
                outcomes[i] = 1;
                start.SignalAndWait(); // everybody has tried while the winner holds the slot
            }
            catch (VssSnapshotSetInProgressException)
            {
                outcomes[i] = 2;
                start.SignalAndWait();
            }
        })).ToList();

        workers.ForEach(w => w.Join());

        Assert.Equal(1, outcomes.Count(o => o == 1));
        Assert.Equal(threads - 1, outcomes.Count(o => o == 2));
        Assert.Equal(0, host.Accounting.WrongThreadCalls);
        Assert.Equal(0, host.Accounting.Leaks);
    }

    [Fact]
    public void A_gate_holds_DoSnapshotSet_until_released_while_another_thread_waits()
    {
        var host = Sim.Host(configure: o => o with { TimeProvider = TimeProvider.System });
        var gate = host.Faults.Block(VssCallNames.DoSnapshotSet);
        using var waiting = new ManualResetEventSlim();
        var status = 0;
        var worker = new JoinableThread(() =>
        {
            using var vss = Sim.Initialized(host);
            GatherAndOpenSet(vss);
            using var creating = vss.DoSnapshotSet();
            Assert.False(creating.Wait(TimeSpan.Zero));
            waiting.Set();
            Assert.True(creating.Wait(TimeSpan.FromSeconds(30)));
            status = creating.QueryStatus();
        });

        Assert.True(gate.WaitEntered(TimeSpan.FromSeconds(30)));
        Assert.True(waiting.Wait(TimeSpan.FromSeconds(30)));
        Assert.True(host.IsSnapshotSetCreationInProgress);
        gate.Release();
        worker.Join();

        Assert.Equal(HResults.VSS_S_ASYNC_FINISHED, status);
        Assert.False(host.IsSnapshotSetCreationInProgress);
        Assert.Equal(0, host.Accounting.Leaks);
    }

    private static Guid GatherAndOpenSet(IVssBackupComponents vss)
    {
        Sim.GatherMetadata(vss);
        vss.StartSnapshotSet();
        var id = vss.AddToSnapshotSet(@"C:\");
        vss.PrepareForBackup().WaitAndCheck("PrepareForBackup");
        return id;
    }
}
