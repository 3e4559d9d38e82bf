using Coordinator.Vss.Simulated;
using Coordinator.Vss.Tests.Support;

namespace Coordinator.Vss.Tests.Simulated;

/// <summary>COM apartment rule: an object (and its IVssAsync) is called only from the thread that created it.</summary>
public sealed class ThreadAffinityTests
{
    private readonly SimulatedVssHost _host = Sim.Host();

    [Fact]
    public void Calls_from_another_thread_fail_with_RPC_E_WRONG_THREAD_and_are_counted()
    {
        using var vss = Sim.Initialized(_host);

        var errors = new[]
        {
            ThreadRunner.Catch(() => vss.GatherWriterMetadata()),
            ThreadRunner.Catch(() => vss.StartSnapshotSet()),
            ThreadRunner.Catch(() => _ = vss.WriterStatus),
            ThreadRunner.Catch(() => vss.AbortBackup()),
        };

        Assert.All(errors, e =>
        {
            var error = Assert.IsType<VssWrongThreadException>(e);
            Assert.Equal(HResults.RPC_E_WRONG_THREAD, error.HResult);
            Assert.Equal(unchecked((int)0x8001010E), error.HResult);
        });
        Assert.Equal(4, _host.Accounting.WrongThreadCalls);
        // The wrong-thread calls changed nothing: the object still works from its own thread.
        Sim.GatherMetadata(vss);
        Assert.Equal(0, _host.Accounting.WriterMetadataGathered - 1);
    }

    [Fact]
    public void Calls_on_an_IVssAsync_from_another_thread_fail_too()
    {
        var clock = new ManualTimeProvider();
        var host = Sim.Host(clock);
        host.Latency.Set(VssCallNames.GatherWriterMetadata, TimeSpan.FromSeconds(1));
        using var vss = Sim.Initialized(host);
        using var gather = vss.GatherWriterMetadata();

        Assert.IsType<VssWrongThreadException>(ThreadRunner.Catch(() => gather.Wait(TimeSpan.Zero)));
        Assert.IsType<VssWrongThreadException>(ThreadRunner.Catch(() => gather.QueryStatus()));
        Assert.IsType<VssWrongThreadException>(ThreadRunner.Catch(() => gather.Cancel()));

        Assert.Equal(3, host.Accounting.WrongThreadCalls);
        Assert.Equal(HResults.VSS_S_ASYNC_PENDING, gather.QueryStatus());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HResults.VSS_S_ASYNC_FINISHED, gather.QueryStatus());
        vss.FreeWriterMetadata();
    }

    [Fact]
    public void Dispose_from_another_thread_is_counted_and_still_releases_everything_once()
    {
        var vss = Sim.Initialized(_host);
        Sim.CreateSnapshots(vss, @"C:\");
        Assert.Equal(1, _host.Accounting.SnapshotsAlive);

        ThreadRunner.Run(vss.Dispose);
        vss.Dispose();

        var accounting = _host.Accounting;
        Assert.Equal(1, accounting.WrongThreadCalls);
        Assert.Equal(1, accounting.ObjectsReleased);
        Assert.Equal(0, accounting.SnapshotsAlive);
        Assert.Equal(0, accounting.Leaks);
    }

    [Fact]
    public void Objects_created_on_different_threads_each_work_from_their_own_thread()
    {
        // One set at a time per host: run them one after another, each on its own thread.
        for (var i = 0; i < 3; i++)
        {
            new JoinableThread(() => Sim.FullBackup(_host, @"D:\")).Join();
        }

        Assert.Equal(0, _host.Accounting.WrongThreadCalls);
        Assert.Equal(3, _host.Accounting.ObjectsReleased);
        Assert.Equal(0, _host.Accounting.Leaks);
    }
}
