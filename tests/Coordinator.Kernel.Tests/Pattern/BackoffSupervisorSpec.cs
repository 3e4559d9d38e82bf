using Coordinator.Kernel.Pattern;

namespace Coordinator.Kernel.Tests.Pattern;

public sealed class BackoffSupervisorSpec : Coordinator.Kernel.TestKit.TestKit
{
    public BackoffSupervisorSpec()
        : base(new TestScheduler())
    {
    }

    private IActorRef StartSupervisor(BackoffOptions options)
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(options));
        ExpectMsg("child:PreStart");
        return supervisor;
    }

    private BackoffOptions Options(int maxNrOfRetries = -1, double randomFactor = 0) =>
        Backoff.OnFailure(Props.Create(() => new LifecycleProbeActor(TestActor, "child")), "child", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), randomFactor, maxNrOfRetries);

    /// <summary>Fails the child and returns the delay the supervisor scheduled for the next start.</summary>
    private TimeSpan FailChild(IActorRef supervisor)
    {
        // Other timers (an auto-reset) may be pending: the new one is the extra delay. Time stands still
        // meanwhile, so the delays of the others do not change.
        var before = TestScheduler.PendingDelays.ToList();
        supervisor.Tell("throw");
        ExpectMsg("child:PostStop");
        AwaitCondition(() => TestScheduler.PendingTimerCount == before.Count + 1);
        var after = TestScheduler.PendingDelays.ToList();
        foreach (var old in before)
        {
            after.Remove(old);
        }

        return after.Single();
    }

    private void RestartChildAfter(TimeSpan delay)
    {
        TestScheduler.Advance(delay);
        ExpectMsg("child:PreStart");
    }

    [Fact]
    public void Backoff_must_follow_min_max_doubling()
    {
        var supervisor = StartSupervisor(Options());
        var expected = new[] { 1, 2, 4, 8, 10, 10 };
        foreach (var seconds in expected)
        {
            var delay = FailChild(supervisor);
            Assert.Equal(TimeSpan.FromSeconds(seconds), delay);

            // Not a moment earlier.
            TestScheduler.Advance(delay - TimeSpan.FromMilliseconds(1));
            supervisor.Tell(BackoffSupervisor.GetCurrentChild.Instance);
            Assert.Equal(ActorRefs.Nobody, ExpectMsg<BackoffSupervisor.CurrentChild>().Ref);
            RestartChildAfter(TimeSpan.FromMilliseconds(1));
        }

        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance);
        ExpectMsg(new BackoffSupervisor.RestartCount(expected.Length));
    }

    [Fact]
    public void Backoff_must_add_jitter_within_the_random_factor()
    {
        var supervisor = StartSupervisor(Options(randomFactor: 0.2));
        var first = FailChild(supervisor);
        Assert.InRange(first, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.2));
        RestartChildAfter(first);
        var second = FailChild(supervisor);
        Assert.InRange(second, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.4));
    }

    [Theory]
    [InlineData(0, 0.0, 1.0)]
    [InlineData(0, 1.0, 1.2)]
    [InlineData(2, 0.5, 4.4)]
    [InlineData(4, 0.0, 10.0)]
    [InlineData(4, 1.0, 12.0)]
    [InlineData(200, 0.0, 10.0)]
    public void CalculateDelay_must_be_min_of_max_and_doubling_times_jitter(int restartCount, double random, double expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), BackoffSupervisor.CalculateDelay(restartCount, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0.2, random));

    [Fact]
    public void Backoff_must_reset_the_count_after_the_child_ran_long_enough()
    {
        var supervisor = StartSupervisor(Options().WithAutoReset(TimeSpan.FromSeconds(5)));
        RestartChildAfter(FailChild(supervisor));
        var second = FailChild(supervisor);
        Assert.Equal(TimeSpan.FromSeconds(2), second);
        RestartChildAfter(second);

        // The reset timer for count 2 is pending; once the child has run 5 s without failing the count is 0.
        Assert.Equal([TimeSpan.FromSeconds(5)], TestScheduler.PendingDelays);
        TestScheduler.Advance(TimeSpan.FromSeconds(5));
        AwaitAssert(() =>
        {
            supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance);
            ExpectMsg(new BackoffSupervisor.RestartCount(0));
        });
        Assert.Equal(TimeSpan.FromSeconds(1), FailChild(supervisor));
    }

    [Fact]
    public void Backoff_must_ignore_a_reset_scheduled_before_a_later_failure()
    {
        var supervisor = StartSupervisor(Options().WithAutoReset(TimeSpan.FromSeconds(5)));
        RestartChildAfter(FailChild(supervisor));

        // Reset for count 1 due in 5 s; the child fails again after 1 s and restarts 2 s later.
        TestScheduler.Advance(TimeSpan.FromSeconds(1));
        RestartChildAfter(FailChild(supervisor));

        // The first reset's time passes: it was superseded and must not reset the count.
        TestScheduler.Advance(TimeSpan.FromSeconds(2));
        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance);
        ExpectMsg(new BackoffSupervisor.RestartCount(2));
        TestScheduler.Advance(TimeSpan.FromSeconds(3));
        AwaitAssert(() =>
        {
            supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance);
            ExpectMsg(new BackoffSupervisor.RestartCount(0));
        });
    }

    [Fact]
    public void Backoff_must_reset_manually_when_configured()
    {
        var supervisor = StartSupervisor(Options().WithManualReset());
        RestartChildAfter(FailChild(supervisor));
        supervisor.Tell(BackoffSupervisor.Reset.Instance);
        Assert.Equal(TimeSpan.FromSeconds(1), FailChild(supervisor));
    }

    [Fact]
    public void Backoff_must_stop_itself_when_retries_are_exhausted()
    {
        var supervisor = Watch(StartSupervisor(Options(maxNrOfRetries: 2)));
        RestartChildAfter(FailChild(supervisor));
        RestartChildAfter(FailChild(supervisor));
        supervisor.Tell("throw");
        ExpectMsg("child:PostStop");
        ExpectTerminated(supervisor);
    }

    [Fact]
    public void Backoff_must_stop_itself_when_the_child_stops_by_itself()
    {
        var supervisor = Watch(StartSupervisor(Options()));
        supervisor.Tell("stop-self");
        ExpectMsg("child:PostStop");
        ExpectTerminated(supervisor);
    }

    [Fact]
    public void Backoff_must_forward_to_the_child_and_dead_letter_while_it_is_down()
    {
        var supervisor = StartSupervisor(Options());
        supervisor.Tell("ping");
        ExpectMsg("pong:child");
        FailChild(supervisor);
        EventFilter.DeadLetter<string>(m => m == "ping").ExpectOne(() => supervisor.Tell("ping"));
    }

    [Fact]
    public void Backoff_must_reply_while_stopped_when_configured()
    {
        var supervisor = StartSupervisor(Options().WithReplyWhileStopped("not now"));
        FailChild(supervisor);
        supervisor.Tell("ping");
        ExpectMsg("not now");
    }

    [Fact]
    public void OnFailure_must_validate_its_arguments()
    {
        var props = Props.Create(() => new Echo());
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.OnFailure(props, "c", TimeSpan.Zero, TimeSpan.FromSeconds(1), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.OnFailure(props, "c", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.OnFailure(props, "c", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 1.5));
    }
}
