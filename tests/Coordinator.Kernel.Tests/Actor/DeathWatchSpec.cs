namespace Coordinator.Kernel.Tests.Actor;

public sealed class DeathWatchSpec : Coordinator.Kernel.TestKit.TestKit
{
    private IActorRef StartEcho() => Sys.ActorOf(Props.Create(() => new Echo()));

    private IActorRef StopAndWait(IActorRef actor)
    {
        var probe = CreateTestProbe();
        probe.Watch(actor);
        Sys.Stop(actor);
        probe.ExpectTerminated(actor);
        return actor;
    }

    [Fact]
    public void DeathWatch_must_deliver_one_Terminated_when_target_already_dead()
    {
        var dead = StopAndWait(StartEcho());
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(new Watcher.WatchIt(dead));
        var t = ExpectMsg<Watcher.Seen>().Terminated;
        Assert.Equal(dead, t.ActorRef);
        Assert.False(t.ExistenceConfirmed);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void DeathWatch_must_deliver_one_Terminated_when_watched_twice()
    {
        var target = StartEcho();
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(new Watcher.WatchIt(target));
        watcher.Tell(new Watcher.WatchIt(target));
        watcher.Tell("sync");
        ExpectMsg("sync");
        Sys.Stop(target);
        var t = ExpectMsg<Watcher.Seen>().Terminated;
        Assert.True(t.ExistenceConfirmed);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void DeathWatch_must_discard_a_queued_Terminated_after_Unwatch()
    {
        var dead = StopAndWait(StartEcho());
        var released = new ManualResetEventSlim();
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));

        // Hold the watcher so that the three messages below are queued together. Watching a dead actor
        // queues the death notification during that very turn, so the resulting Terminated lands behind
        // UnwatchIt and sync-1: it is queued but not yet processed when UnwatchIt runs.
        watcher.Tell(new Watcher.Hold(released));
        ExpectMsg("holding");
        watcher.Tell(new Watcher.WatchIt(dead));
        watcher.Tell(new Watcher.UnwatchIt(dead));
        watcher.Tell("sync-1");
        released.Set();
        ExpectMsg("sync-1");
        watcher.Tell("sync-2");
        ExpectMsg("sync-2");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void DeathWatch_must_not_deliver_Terminated_after_Unwatch_before_termination()
    {
        var target = StartEcho();
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(new Watcher.WatchIt(target));
        watcher.Tell(new Watcher.UnwatchIt(target));
        watcher.Tell("sync");
        ExpectMsg("sync");
        StopAndWait(target);
        watcher.Tell("sync");
        ExpectMsg("sync");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void DeathWatch_must_fail_with_DeathPactException_when_Terminated_is_unhandled()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(TestActor, SupervisorStrategy.DefaultDecider.Decide));
        var target = StartEcho();
        supervisor.Tell(Props.Create(() => new WatchesButIgnores(target)));
        var child = Watch(ExpectMsg<IActorRef>());
        child.Tell("sync");
        ExpectMsg("sync");
        Sys.Stop(target);
        var pact = ExpectMsg<DeathPactException>();
        Assert.Equal(target, pact.DeadActor);
        ExpectTerminated(child);
    }

    [Fact]
    public void WatchWith_must_deliver_the_custom_message_instead_of_Terminated()
    {
        var target = StartEcho();
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(new Watcher.WatchWithIt(target, new Watcher.Died("custom-dead")));
        watcher.Tell("sync");
        ExpectMsg("sync");
        Sys.Stop(target);
        ExpectMsg(new Watcher.Died("custom-dead"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void DeathWatch_must_not_deliver_Terminated_on_restart()
    {
        var target = Sys.ActorOf(Props.Create(() => new LifecycleProbeActor(TestActor, "t")));
        ExpectMsg("t:PreStart");
        Watch(target);
        target.Tell("throw");
        ExpectMsg("t:PreRestart");
        ExpectMsg("t:PostStop");
        ExpectMsg("t:PostRestart");
        ExpectMsg("t:PreStart");
        target.Tell("ping");
        ExpectMsg("pong:t");
    }

    [Fact]
    public void Terminated_must_only_be_accepted_from_the_death_watch()
    {
        // A Terminated forwarded by hand to an actor that did not watch the dead actor is dropped (Akka's rule),
        // so it cannot trigger a DeathPactException.
        var ignorer = Watch(Sys.ActorOf(Props.Create(() => new WatchesButIgnores(ActorRefs.Nobody))));
        ignorer.Tell(new Terminated(StartEcho(), true, false));
        ignorer.Tell("sync");
        ExpectMsg("sync");
    }

    [Fact]
    public void Watching_Nobody_must_deliver_Terminated()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(new Watcher.WatchIt(ActorRefs.Nobody));
        Assert.Equal(ActorRefs.Nobody, ExpectMsg<Watcher.Seen>().Terminated.ActorRef);
    }

    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef probe)
        {
            Receive<WatchIt>(w => Context.Watch(w.Target));
            Receive<WatchWithIt>(w => Context.WatchWith(w.Target, w.Message));
            Receive<UnwatchIt>(w => Context.Unwatch(w.Target));
            Receive<Hold>(h =>
            {
                probe.Tell("holding");
                h.Released.Wait(TimeSpan.FromSeconds(10));
            });
            Receive<Terminated>(t => probe.Tell(new Seen(t)));
            Receive<Died>(d => probe.Tell(d));
            Receive<string>(s => Sender.Tell(s));
        }

        // Forwarded wrapped: a raw Terminated is accepted only by the watcher itself.
        public sealed record Seen(Terminated Terminated);

        public sealed record Died(string Note);

        public sealed record WatchIt(IActorRef Target);

        public sealed record WatchWithIt(IActorRef Target, object Message);

        public sealed record UnwatchIt(IActorRef Target);

        public sealed record Hold(ManualResetEventSlim Released);
    }

    private sealed class WatchesButIgnores : ReceiveActor
    {
        private readonly IActorRef _target;

        public WatchesButIgnores(IActorRef target)
        {
            _target = target;
            Receive<string>(s => Sender.Tell(s));
        }

        protected override void PreStart()
        {
            if (!_target.Equals(ActorRefs.Nobody))
            {
                Context.Watch(_target);
            }
        }
    }
}
