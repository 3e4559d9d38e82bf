namespace Coordinator.Kernel.Tests.Actor;

public sealed class TimersSpec : Coordinator.Kernel.TestKit.TestKit
{
    public TimersSpec()
        : base(new TestScheduler())
    {
    }

    private IActorRef StartTimed() => Sys.ActorOf(Props.Create(() => new Timed(TestActor)));

    [Fact]
    public void SingleTimer_must_fire_once_after_the_delay()
    {
        var actor = StartTimed();
        actor.Tell(new Timed.Single("k", "fired", TimeSpan.FromSeconds(2)));
        ExpectMsg("ok");
        TestScheduler.Advance(TimeSpan.FromMilliseconds(1999));
        actor.Tell(new Timed.IsActive("k"));
        ExpectMsg(true);
        TestScheduler.Advance(TimeSpan.FromMilliseconds(1));
        ExpectMsg("fired");
        actor.Tell(new Timed.IsActive("k"));
        ExpectMsg(false);
        TestScheduler.Advance(TimeSpan.FromSeconds(10));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void PeriodicTimer_must_fire_every_interval()
    {
        var actor = StartTimed();
        actor.Tell(new Timed.Periodic("p", "tick", TimeSpan.FromSeconds(1)));
        ExpectMsg("ok");
        TestScheduler.Advance(TimeSpan.FromSeconds(3));
        ExpectMsg("tick");
        ExpectMsg("tick");
        ExpectMsg("tick");
        actor.Tell(new Timed.CancelIt("p"));
        ExpectMsg("ok");
        TestScheduler.Advance(TimeSpan.FromSeconds(3));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Restarting_a_key_must_drop_a_message_of_the_old_timer_that_is_already_queued()
    {
        var actor = StartTimed();
        actor.Tell(new Timed.Single("k", "old", TimeSpan.FromSeconds(1)));
        ExpectMsg("ok");

        using var gate = new ManualResetEventSlim();
        actor.Tell(new Timed.Hold(gate));
        ExpectMsg("holding");
        actor.Tell(new Timed.Single("k", "new", TimeSpan.FromSeconds(1)));

        // The old timer fires now: its message is queued behind the restart of the key.
        TestScheduler.Advance(TimeSpan.FromSeconds(1));
        gate.Set();
        ExpectMsg("ok");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        TestScheduler.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("new");
    }

    [Fact]
    public void Cancel_must_drop_a_message_that_is_already_queued()
    {
        var actor = StartTimed();
        actor.Tell(new Timed.Single("k", "old", TimeSpan.FromSeconds(1)));
        ExpectMsg("ok");
        using var gate = new ManualResetEventSlim();
        actor.Tell(new Timed.Hold(gate));
        ExpectMsg("holding");
        actor.Tell(new Timed.CancelIt("k"));
        TestScheduler.Advance(TimeSpan.FromSeconds(1));
        gate.Set();
        ExpectMsg("ok");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Timers_must_be_cancelled_when_the_actor_stops()
    {
        var actor = Watch(StartTimed());
        actor.Tell(new Timed.Periodic("p", "tick", TimeSpan.FromSeconds(1)));
        ExpectMsg("ok");
        Assert.Equal(1, TestScheduler.PendingTimerCount);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        Assert.Equal(0, TestScheduler.PendingTimerCount);
    }

    [Fact]
    public void ActiveTimers_must_list_running_keys()
    {
        var actor = StartTimed();
        actor.Tell(new Timed.Single("a", "x", TimeSpan.FromSeconds(1)));
        actor.Tell(new Timed.Periodic("b", "y", TimeSpan.FromSeconds(1)));
        ExpectMsg("ok");
        ExpectMsg("ok");
        actor.Tell("keys");
        Assert.Equal(["a", "b"], ExpectMsg<string[]>().Order(StringComparer.Ordinal));
    }

    private sealed class Timed : ReceiveActor, IWithTimers
    {
        public Timed(IActorRef probe)
        {
            Receive<Single>(s =>
            {
                Timers.StartSingleTimer(s.Key, s.Message, s.Delay);
                Sender.Tell("ok");
            });
            Receive<Periodic>(p =>
            {
                Timers.StartPeriodicTimer(p.Key, p.Message, p.Interval);
                Sender.Tell("ok");
            });
            Receive<CancelIt>(c =>
            {
                Timers.Cancel(c.Key);
                Sender.Tell("ok");
            });
            Receive<IsActive>(a => Sender.Tell(Timers.IsTimerActive(a.Key)));
            Receive<Hold>(h =>
            {
                Sender.Tell("holding");
                h.Gate.Wait(TimeSpan.FromSeconds(10));
            });
            Receive<string>(s => s == "keys", _ => Sender.Tell(Timers.ActiveTimers.Cast<string>().ToArray()));
            Receive<string>(s => probe.Tell(s));
        }

        public ITimerScheduler Timers { get; set; } = null!;

        public sealed record Single(string Key, string Message, TimeSpan Delay);

        public sealed record Periodic(string Key, string Message, TimeSpan Interval);

        public sealed record CancelIt(string Key);

        public sealed record IsActive(string Key);

        public sealed record Hold(ManualResetEventSlim Gate);
    }
}
