namespace Coordinator.Kernel.Tests.Actor;

public sealed class RestartSpec : Coordinator.Kernel.TestKit.TestKit
{
    [Fact]
    public void Restart_must_not_redeliver_the_failing_message_and_must_keep_the_mailbox()
    {
        var gate = new ManualResetEventSlim(false);
        var actor = Sys.ActorOf(Props.Create(() => new Recording(TestActor, gate)));
        actor.Tell("block");
        ExpectMsg("blocked");

        // Queued behind the blocked turn: the failing message and two more.
        actor.Tell("fail");
        actor.Tell("after-1");
        actor.Tell("after-2");
        gate.Set();
        ExpectMsg("got:block");
        ExpectMsg("got:fail");
        ExpectMsg("restarted");
        ExpectMsg("got:after-1");
        ExpectMsg("got:after-2");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Restart_must_cancel_timers_of_the_old_instance()
    {
        var scheduler = new TestScheduler();
        using var system = ActorSystem.Create("timers", null, scheduler);
        var probe = CreateTestProbe();
        var actor = system.ActorOf(Props.Create(() => new WithTimer(probe)));
        probe.ExpectMsg("started");
        actor.Tell("fail");
        probe.ExpectMsg("started");
        scheduler.Advance(TimeSpan.FromSeconds(10));
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Equal(0, scheduler.PendingTimerCount);
    }

    [Fact]
    public void Restart_must_unstash_stashed_messages_in_order_before_newer_ones()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Stasher(TestActor)));
        actor.Tell("s1");
        actor.Tell("s2");
        actor.Tell("fail");
        actor.Tell("later");
        ExpectMsg("restarted");
        ExpectMsg("got:s1");
        ExpectMsg("got:s2");
        ExpectMsg("got:later");
    }

    [Fact]
    public void Restart_must_proceed_when_PreRestart_throws()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ThrowingPreRestart(TestActor)));
        EventFilter.Exception<PreRestartException>().ExpectOne(() => actor.Tell("fail"));
        ExpectMsg("PreStart");
        ExpectMsg("PreStart");
        actor.Tell("ping");
        ExpectMsg("pong");
    }

    [Fact]
    public void Restart_must_stop_children_by_default_and_wait_for_them()
    {
        var actor = Sys.ActorOf(Props.Create(() => new LifecycleProbeActor(TestActor, "p")));
        ExpectMsg("p:PreStart");
        var child = Watch(this.CreateChild(actor, Props.Create(() => new LifecycleProbeActor(TestActor, "c")), "c:PreStart"));
        actor.Tell("throw");
        ExpectMsg("p:PreRestart");

        // The child stops asynchronously (its PostStop may come before or after the parent's), but the new
        // instance is only created once the child has terminated.
        var events = ReceiveN(5).Select(m => m is Terminated ? "Terminated" : (string)m).ToList();
        Assert.Equal(["Terminated", "c:PostStop", "p:PostRestart", "p:PostStop", "p:PreStart"], events.Order(StringComparer.Ordinal).ToList());
        Assert.True(events.IndexOf("c:PostStop") < events.IndexOf("p:PostRestart"), string.Join(",", events));
        Assert.True(events.IndexOf("p:PostRestart") < events.IndexOf("p:PreStart"), string.Join(",", events));

        // The child's name is free: the new instance can create it again.
        Assert.Equal(child.Path, this.CreateChild(actor, Props.Create(() => new LifecycleProbeActor(TestActor, "c")), "c:PreStart").Path);
    }

    private sealed class Recording : ReceiveActor
    {
        public Recording(IActorRef probe, ManualResetEventSlim gate)
        {
            ReceiveAny(m =>
            {
                if ((string)m == "block")
                {
                    probe.Tell("blocked");
                    gate.Wait(TimeSpan.FromSeconds(10));
                }

                probe.Tell("got:" + m);
                if ((string)m == "fail")
                {
                    throw new InvalidOperationException("fail");
                }
            });
            Probe = probe;
        }

        private IActorRef Probe { get; }

        protected override void PostRestart(Exception reason) => Probe.Tell("restarted");
    }

    private sealed class WithTimer : ReceiveActor, IWithTimers
    {
        private readonly IActorRef _probe;

        public WithTimer(IActorRef probe)
        {
            _probe = probe;
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException());
            Receive<string>(s => s == "tick", _ => probe.Tell("tick"));
        }

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart()
        {
            // Only the first incarnation starts the timer; the restarted one must never see its ticks.
            if (Interlocked.Increment(ref s_starts) % 2 == 1)
            {
                Timers.StartPeriodicTimer("t", "tick", TimeSpan.FromSeconds(1));
            }

            _probe.Tell("started");
        }

        private static int s_starts;
    }

    private sealed class Stasher : ReceiveActor, IWithStash
    {
        private readonly IActorRef _probe;

        public Stasher(IActorRef probe)
        {
            _probe = probe;
            Receive<string>(s => s.StartsWith('s'), _ => Stash.Stash());
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException());
        }

        public IStash Stash { get; set; } = null!;

        protected override void PostRestart(Exception reason)
        {
            _probe.Tell("restarted");
            Become(() => ReceiveAny(m => _probe.Tell("got:" + m)));
        }
    }

    private sealed class ThrowingPreRestart : ReceiveActor
    {
        private readonly IActorRef _probe;

        public ThrowingPreRestart(IActorRef probe)
        {
            _probe = probe;
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException());
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
        }

        protected override void PreStart() => _probe.Tell("PreStart");

        protected override void PreRestart(Exception reason, object? message) => throw new ArgumentException("PreRestart failed");
    }
}
