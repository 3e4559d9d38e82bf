namespace Coordinator.Kernel.Tests.TestKit;

public sealed class TestSchedulerSpec
{
    [Fact]
    public void Advance_must_fire_due_timers_in_due_order_and_move_the_clock()
    {
        var scheduler = new TestScheduler();
        var start = scheduler.GetUtcNow();
        var fired = new List<string>();
        using var late = scheduler.CreateTimer(_ => fired.Add("late@" + (scheduler.GetUtcNow() - start).TotalSeconds), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using var early = scheduler.CreateTimer(_ => fired.Add("early@" + (scheduler.GetUtcNow() - start).TotalSeconds), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        scheduler.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(["early@1"], fired);
        Assert.Equal(TimeSpan.FromSeconds(2), scheduler.GetUtcNow() - start);
        scheduler.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(["early@1", "late@3"], fired);
        Assert.Equal(0, scheduler.PendingTimerCount);
    }

    [Fact]
    public void Periodic_timers_must_fire_once_per_period_until_disposed()
    {
        var scheduler = new TestScheduler();
        var count = 0;
        var timer = scheduler.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        scheduler.Advance(TimeSpan.FromSeconds(3.5));
        Assert.Equal(3, count);
        Assert.Equal([TimeSpan.FromSeconds(0.5)], scheduler.PendingDelays);
        timer.Dispose();
        scheduler.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(3, count);
    }

    [Fact]
    public void Timestamps_must_follow_the_fake_clock()
    {
        var scheduler = new TestScheduler();
        var t0 = scheduler.GetTimestamp();
        scheduler.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromMinutes(1), scheduler.GetElapsedTime(t0));
        Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.Advance(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public async Task Ask_timeouts_must_follow_the_fake_clock()
    {
        var scheduler = new TestScheduler();
        var system = ActorSystem.Create("faketime", null, scheduler);
        try
        {
            var silent = system.ActorOf(Props.Create<Silent>());
            var pending = silent.Ask("x", TimeSpan.FromHours(1));
            scheduler.Advance(TimeSpan.FromMinutes(59));
            Assert.False(pending.IsCompleted);
            scheduler.Advance(TimeSpan.FromMinutes(1));
            await Assert.ThrowsAsync<AskTimeoutException>(() => pending);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private sealed class Silent : ReceiveActor
    {
        public Silent() => ReceiveAny(_ => { });
    }
}
