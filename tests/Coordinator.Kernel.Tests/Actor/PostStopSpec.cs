using Coordinator.Kernel.Event;

namespace Coordinator.Kernel.Tests.Actor;

/// <summary>PostStop runs exactly once per instance on every path that ends it.</summary>
public sealed class PostStopSpec : Coordinator.Kernel.TestKit.TestKit
{
    private IActorRef Start(string name, Props? props = null)
    {
        var actor = Sys.ActorOf(props ?? Props.Create(() => new LifecycleProbeActor(TestActor, name)), name);
        ExpectMsg($"{name}:PreStart");
        return actor;
    }

    private void ExpectExactlyOnePostStop(string name, IActorRef actor)
    {
        ExpectMsg($"{name}:PostStop");
        ExpectTerminated(actor);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void PostStop_must_run_once_after_Context_Stop_of_self()
    {
        var actor = Watch(Start("a"));
        actor.Tell("stop-self");
        actor.Tell("stop-self");
        ExpectExactlyOnePostStop("a", actor);
    }

    [Fact]
    public void PostStop_must_run_once_after_PoisonPill_processed_in_order()
    {
        var actor = Watch(Start("a"));
        actor.Tell("ping");
        actor.Tell(PoisonPill.Instance);
        actor.Tell("ping");
        ExpectMsg("pong:a");
        ExpectExactlyOnePostStop("a", actor);
    }

    [Fact]
    public void PostStop_must_run_once_when_the_supervisor_decides_Stop()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(TestActor, _ => Directive.Stop));
        var child = Watch(this.CreateChild(supervisor, Props.Create(() => new LifecycleProbeActor(TestActor, "c")), "c:PreStart"));
        child.Tell("throw");
        ExpectMsg<InvalidOperationException>();
        ExpectExactlyOnePostStop("c", child);
    }

    [Fact]
    public void PostStop_of_children_must_run_before_the_parents()
    {
        var parent = Watch(Start("parent"));
        this.CreateChild(parent, Props.Create(() => new LifecycleProbeActor(TestActor, "child")), "child:PreStart");
        Sys.Stop(parent);
        ExpectMsg("child:PostStop");
        ExpectMsg("parent:PostStop");
        ExpectTerminated(parent);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task PostStop_must_run_once_for_every_actor_on_system_Terminate()
    {
        var probe = CreateTestProbe();
        var system = ActorSystem.Create("terminating");
        var parent = system.ActorOf(Props.Create(() => new LifecycleProbeActor(probe, "p")), "p");
        probe.ExpectMsg("p:PreStart");
        probe.CreateChild(parent, Props.Create(() => new LifecycleProbeActor(probe, "c")), "c:PreStart");
        await system.Terminate();
        probe.ExpectMsg("c:PostStop");
        probe.ExpectMsg("p:PostStop");
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void PostStop_must_run_once_on_the_old_instance_when_restarting()
    {
        var actor = Start("r");
        actor.Tell("throw");
        ExpectMsg("r:PreRestart");
        ExpectMsg("r:PostStop");
        ExpectMsg("r:PostRestart");
        ExpectMsg("r:PreStart");
        actor.Tell("ping");
        ExpectMsg("pong:r");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Throwing_PostStop_must_still_complete_termination()
    {
        var watcher = CreateTestProbe();
        var parent = Start("parent");
        parent.Tell((Props)Props.Create(() => new ThrowingPostStop(TestActor)));
        var child = ExpectMsg<IActorRef>();
        watcher.Watch(child);
        Watch(child);

        EventFilter.Error(contains: "PostStop threw").ExpectOne(() => Sys.Stop(child));
        ExpectMsg("PostStop called");
        ExpectTerminated(child);
        watcher.ExpectTerminated(child);

        // The parent forgot the child: the name is free again.
        parent.Tell(Props.Create(() => new ThrowingPostStop(TestActor)));
        var again = ExpectMsg<IActorRef>();
        Assert.Equal(child.Path, again.Path);
        Assert.NotEqual(child, again);
    }

    private sealed class ThrowingPostStop : ReceiveActor
    {
        private readonly IActorRef _probe;

        public ThrowingPostStop(IActorRef probe)
        {
            _probe = probe;
            ReceiveAny(_ => { });
        }

        protected override void PostStop()
        {
            _probe.Tell("PostStop called");
            throw new InvalidOperationException("PostStop threw");
        }
    }
}
