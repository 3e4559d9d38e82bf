using Coordinator.Vss.Simulated;
using Coordinator.Vss.Tests.Support;

namespace Coordinator.Vss.Tests.Simulated;

/// <summary>Call faults from code: counted across objects, conditional on an earlier call, immediate or asynchronous.</summary>
public sealed class FaultPlanTests
{
    private readonly SimulatedVssHost _host = Sim.Host();

    [Fact]
    public void Fails_twice_then_works_across_components_objects()
    {
        _host.Faults.Add(new CallFault(VssCallNames.GatherWriterMetadata, HResults.VSS_E_WRITER_INFRASTRUCTURE, times: 2));
        var outcomes = new List<int>();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            // As the retry policy says: each attempt on a new components object (GatherWriterMetadata is once per object).
            using var vss = Sim.Initialized(_host);
            using var gather = vss.GatherWriterMetadata();
            outcomes.Add(gather.WaitForStatus());
            if (outcomes[^1] == HResults.VSS_S_ASYNC_FINISHED)
            {
                vss.FreeWriterMetadata();
            }
        }

        Assert.Equal([HResults.VSS_E_WRITER_INFRASTRUCTURE, HResults.VSS_E_WRITER_INFRASTRUCTURE, HResults.VSS_S_ASYNC_FINISHED], outcomes);
        Assert.Equal(0, _host.Faults.CallFaults.Single().Remaining);
        Assert.Equal(0, _host.Accounting.Leaks);
    }

    [Fact]
    public void A_fault_with_afterCall_hits_only_objects_that_made_that_call()
    {
        _host.Faults.Add(new CallFault(VssCallNames.GatherWriterStatus, HResults.VSS_E_WRITER_INFRASTRUCTURE, afterCall: VssCallNames.BackupComplete));
        using var vss = Sim.Initialized(_host);
        Sim.CreateSnapshots(vss, @"C:\");
        Sim.GatherStatus(vss); // before BackupComplete: unaffected

        vss.BackupComplete().WaitAndCheck("BackupComplete");
        using var gather = vss.GatherWriterStatus();

        Assert.Equal(HResults.VSS_E_WRITER_INFRASTRUCTURE, gather.WaitForStatus());
        Sim.GatherStatus(vss); // worn off
    }

    [Fact]
    public void A_call_out_of_sequence_does_not_use_up_a_fault()
    {
        _host.Faults.Add(new CallFault(VssCallNames.StartSnapshotSet, HResults.E_OUTOFMEMORY));
        using var vss = _host.CreateFactory().CreateVssBackupComponents();
        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.StartSnapshotSet()));
        vss.InitializeForBackup();

        Sim.AssertCode(HResults.E_OUTOFMEMORY, Sim.Throws(() => vss.StartSnapshotSet()));
        Assert.False(_host.IsSnapshotSetCreationInProgress);
        vss.StartSnapshotSet();
        vss.AbortBackup();
    }

    [Fact]
    public void Synchronous_calls_fail_immediately()
    {
        _host.Faults.Add(new CallFault(VssCallNames.AddToSnapshotSet, HResults.VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED));
        using var vss = Sim.Initialized(_host);
        vss.StartSnapshotSet();

        Sim.AssertCode(HResults.VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED, Sim.Throws(() => vss.AddToSnapshotSet(@"C:\")));
        vss.AddToSnapshotSet(@"C:\");
        vss.AbortBackup();
    }

    [Theory]
    [InlineData(HResults.E_ACCESSDENIED, typeof(VssAccessDeniedException))]
    [InlineData(HResults.E_NOTIMPL, typeof(VssNotAvailableException))]
    public void Creation_can_fail_as_without_privileges_or_without_VSS(int code, Type expected)
    {
        _host.Faults.Add(new CallFault(VssCallNames.CreateVssBackupComponents, code));
        var factory = _host.CreateFactory();

        var error = Sim.Throws(() => factory.CreateVssBackupComponents());

        Assert.IsType(expected, error);
        Assert.Equal(code, error.HResult);
        Assert.Equal(0, _host.Accounting.ObjectsCreated);
        factory.CreateVssBackupComponents().Dispose();
    }

    [Fact]
    public void An_immediate_fault_of_an_asynchronous_operation_returns_no_IVssAsync()
    {
        _host.Faults.Add(new CallFault(VssCallNames.BackupComplete, HResults.VSS_E_UNEXPECTED_WRITER_ERROR, where: FaultSite.Call));
        using var vss = Sim.Initialized(_host);
        Sim.CreateSnapshots(vss, @"C:\");

        Sim.AssertCode(HResults.VSS_E_UNEXPECTED_WRITER_ERROR, Sim.Throws(() => vss.BackupComplete()));
        vss.BackupComplete().WaitAndCheck("BackupComplete");
    }

    [Fact]
    public void Always_never_wears_off()
    {
        _host.Faults.Add(new CallFault(VssCallNames.QuerySnapshots, HResults.E_OUTOFMEMORY, times: CallFault.Always));
        using var vss = Sim.Initialized(_host);

        for (var i = 0; i < 5; i++)
        {
            Sim.AssertCode(HResults.E_OUTOFMEMORY, Sim.Throws(() => vss.QuerySnapshots()));
        }
        Assert.Equal(CallFault.Always, _host.Faults.CallFaults.Single().Remaining);
    }

    [Fact]
    public void Faults_are_validated_when_built()
    {
        Assert.Throws<ArgumentException>(() => new CallFault("GatherWriterMetaData", HResults.E_OUTOFMEMORY));
        Assert.Throws<ArgumentException>(() => new CallFault(VssCallNames.StartSnapshotSet, HResults.E_OUTOFMEMORY, where: FaultSite.Async));
        Assert.Throws<ArgumentException>(() => new CallFault(VssCallNames.DoSnapshotSet, HResults.E_OUTOFMEMORY, afterCall: "Nope"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CallFault(VssCallNames.DoSnapshotSet, HResults.S_OK));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CallFault(VssCallNames.DoSnapshotSet, HResults.E_OUTOFMEMORY, times: 0));
    }

    [Fact]
    public void Concurrent_attempts_use_a_fault_exactly_times_times()
    {
        _host.Faults.Add(new CallFault(VssCallNames.InitializeForBackup, HResults.E_OUTOFMEMORY, times: 5));
        var failures = 0;
        var workers = Enumerable.Range(0, 4).Select(_ => new JoinableThread(() =>
        {
            for (var i = 0; i < 5; i++)
            {
                using var vss = _host.CreateFactory().CreateVssBackupComponents();
                try
                {
                    vss.InitializeForBackup();
                }
                catch (VssException e) when (e.HResult == HResults.E_OUTOFMEMORY)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();

        workers.ForEach(w => w.Join());

        Assert.Equal(5, failures);
        Assert.Equal(20, _host.Accounting.ObjectsReleased);
    }
}
