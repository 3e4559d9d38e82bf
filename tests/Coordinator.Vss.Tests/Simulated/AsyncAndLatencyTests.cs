using Coordinator.Vss.Simulated;
using Coordinator.Vss.Tests.Support;

namespace Coordinator.Vss.Tests.Simulated;

/// <summary>IVssAsync semantics under the latency model, with virtual time (no sleeps).</summary>
public sealed class AsyncAndLatencyTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly SimulatedVssHost _host;

    public AsyncAndLatencyTests() => _host = Sim.Host(_clock);

    [Fact]
    public void With_zero_latency_operations_finish_at_once()
    {
        using var vss = Sim.Initialized(_host);
        using var gather = vss.GatherWriterMetadata();

        Assert.Equal(HResults.VSS_S_ASYNC_FINISHED, gather.QueryStatus());
        vss.FreeWriterMetadata();
    }

    [Fact]
    public void An_operation_is_pending_until_the_clock_reaches_its_latency()
    {
        _host.Latency.Set(VssCallNames.GatherWriterMetadata, TimeSpan.FromMilliseconds(40));
        using var vss = Sim.Initialized(_host);
        using var gather = vss.GatherWriterMetadata();

        Assert.Equal(HResults.VSS_S_ASYNC_PENDING, gather.QueryStatus());
        _clock.Advance(TimeSpan.FromMilliseconds(39));
        Assert.Equal(HResults.VSS_S_ASYNC_PENDING, gather.QueryStatus());
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(HResults.VSS_S_ASYNC_FINISHED, gather.QueryStatus());
        vss.FreeWriterMetadata();
    }

    [Fact]
    public void With_virtual_time_Wait_answers_at_once_whether_the_operation_finishes_within_the_timeout()
    {
        _host.Latency.Set(VssCallNames.GatherWriterMetadata, TimeSpan.FromSeconds(2));
        using var vss = Sim.Initialized(_host);
        using var gather = vss.GatherWriterMetadata();

        Assert.False(gather.Wait(TimeSpan.FromSeconds(1)));
        Assert.Equal(HResults.VSS_S_ASYNC_PENDING, gather.QueryStatus());
        Assert.True(gather.Wait(TimeSpan.FromSeconds(2)));
        Assert.Equal(HResults.VSS_S_ASYNC_FINISHED, gather.QueryStatus());
        vss.FreeWriterMetadata();
    }

    [Fact]
    public void The_scale_factor_multiplies_every_latency()
    {
        _host.Latency.Set(VssCallNames.GatherWriterMetadata, TimeSpan.FromSeconds(1));
        _host.Latency.Scale = 3;
        using var vss = Sim.Initialized(_host);
        using var gather = vss.GatherWriterMetadata();

        _clock.Advance(TimeSpan.FromSeconds(2.9));
        Assert.Equal(HResults.VSS_S_ASYNC_PENDING, gather.QueryStatus());
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(HResults.VSS_S_ASYNC_FINISHED, gather.QueryStatus());
        vss.FreeWriterMetadata();
    }

    [Fact]
    public void Cancel_of_a_pending_operation_reports_VSS_S_ASYNC_CANCELLED_and_has_no_effect()
    {
        _host.Latency.Set(VssCallNames.GatherWriterMetadata, TimeSpan.FromSeconds(1));
        using var vss = Sim.Initialized(_host);
        using var gather = vss.GatherWriterMetadata();

        gather.Cancel();

        Assert.True(gather.Wait(TimeSpan.Zero));
        Assert.Equal(HResults.VSS_S_ASYNC_CANCELLED, gather.QueryStatus());
        Sim.AssertCode(HResults.VSS_E_BAD_STATE, Sim.Throws(() => vss.WriterMetadata));
        Assert.Equal(0, _host.Accounting.WriterMetadataGathered);
    }

    [Fact]
    public void Cancel_after_completion_changes_nothing()
    {
        using var vss = Sim.Initialized(_host);
        using var gather = vss.GatherWriterMetadata();

        gather.Cancel();

        Assert.Equal(HResults.VSS_S_ASYNC_FINISHED, gather.QueryStatus());
        Assert.NotEmpty(vss.WriterMetadata);
        vss.FreeWriterMetadata();
    }

    [Fact]
    public void An_async_fault_is_reported_by_QueryStatus_only_when_the_operation_completes()
    {
        _host.Latency.Set(VssCallNames.GatherWriterStatus, TimeSpan.FromSeconds(1));
        _host.Faults.Add(new CallFault(VssCallNames.GatherWriterStatus, HResults.VSS_E_WRITER_INFRASTRUCTURE));
        using var vss = Sim.Initialized(_host);
        Sim.GatherMetadata(vss);
        using var gather = vss.GatherWriterStatus();

        Assert.Equal(HResults.VSS_S_ASYNC_PENDING, gather.QueryStatus());
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HResults.VSS_E_WRITER_INFRASTRUCTURE, gather.QueryStatus());
    }

    [Fact]
    public void With_the_system_clock_Wait_blocks_until_the_latency_has_passed()
    {
        var host = Sim.Host(configure: o => o with { TimeProvider = TimeProvider.System });
        host.Latency.Set(VssCallNames.GatherWriterMetadata, TimeSpan.FromMilliseconds(30));
        using var vss = Sim.Initialized(host);
        var started = DateTimeOffset.UtcNow;
        using var gather = vss.GatherWriterMetadata();

        Assert.True(gather.Wait(TimeSpan.FromSeconds(30)));

        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromMilliseconds(29));
        Assert.Equal(HResults.VSS_S_ASYNC_FINISHED, gather.QueryStatus());
        vss.FreeWriterMetadata();
    }

    [Fact]
    public void With_the_system_clock_Wait_gives_up_after_its_timeout()
    {
        var host = Sim.Host(configure: o => o with { TimeProvider = TimeProvider.System });
        host.Latency.Set(VssCallNames.GatherWriterMetadata, TimeSpan.FromHours(1));
        using var vss = Sim.Initialized(host);
        using var gather = vss.GatherWriterMetadata();

        Assert.False(gather.Wait(TimeSpan.FromMilliseconds(20)));

        Assert.Equal(HResults.VSS_S_ASYNC_PENDING, gather.QueryStatus());
        gather.Cancel();
        Assert.Equal(HResults.VSS_S_ASYNC_CANCELLED, gather.QueryStatus());
    }

    [Fact]
    public void Latency_applies_only_to_asynchronous_operations()
    {
        Assert.Throws<ArgumentException>(() => _host.Latency.Set(VssCallNames.StartSnapshotSet, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _host.Latency.Set(VssCallNames.DoSnapshotSet, TimeSpan.FromSeconds(-1)));
    }
}
