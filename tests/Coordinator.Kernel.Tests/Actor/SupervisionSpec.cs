namespace Coordinator.Kernel.Tests.Actor;

public sealed class SupervisionSpec : Coordinator.Kernel.TestKit.TestKit
{
    public SupervisionSpec()
        : base(new TestScheduler())
    {
    }

    private IActorRef StartChild(IActorRef supervisor, Props props)
    {
        supervisor.Tell(props);
        return ExpectMsg<IActorRef>();
    }

    private static Props Flaky(IActorRef probe) => Props.Create(() => new LifecycleProbeActor(probe, "flaky"));

    private void FailAndExpectRestart(IActorRef child)
    {
        child.Tell("throw");
        ExpectMsg<InvalidOperationException>();
        ExpectMsg("flaky:PreRestart");
        ExpectMsg("flaky:PostStop");
        ExpectMsg("flaky:PostRestart");
        ExpectMsg("flaky:PreStart");
    }

    private void FailAndExpectStop(IActorRef child)
    {
        child.Tell("throw");
        ExpectMsg<InvalidOperationException>();
        ExpectMsg("flaky:PostStop");
        ExpectTerminated(child);
    }

    [Fact]
    public void OneForOne_must_stop_not_escalate_when_the_budget_is_exhausted_within_the_window()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(TestActor, _ => Directive.Restart, 3, TimeSpan.FromMinutes(1)));
        var child = Watch(this.CreateChild(supervisor, Flaky(TestActor), "flaky:PreStart"));
        for (var i = 0; i < 3; i++)
        {
            FailAndExpectRestart(child);
            TestScheduler.Advance(TimeSpan.FromSeconds(10));
        }

        FailAndExpectStop(child);

        // The supervisor itself did not fail.
        var other = this.CreateChild(supervisor, Props.Create(() => new LifecycleProbeActor(TestActor, "other")), "other:PreStart");
        other.Tell("ping");
        ExpectMsg("pong:other");
    }

    [Fact]
    public void OneForOne_must_start_a_new_window_after_the_old_one_expired()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(TestActor, _ => Directive.Restart, 3, TimeSpan.FromMinutes(1)));
        var child = Watch(this.CreateChild(supervisor, Flaky(TestActor), "flaky:PreStart"));
        for (var i = 0; i < 3; i++)
        {
            FailAndExpectRestart(child);
        }

        TestScheduler.Advance(TimeSpan.FromMinutes(2));
        for (var i = 0; i < 3; i++)
        {
            FailAndExpectRestart(child);
        }

        FailAndExpectStop(child);
    }

    [Fact]
    public void OneForOne_with_zero_retries_must_never_restart()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(TestActor, _ => Directive.Restart, 0, null));
        var child = Watch(this.CreateChild(supervisor, Flaky(TestActor), "flaky:PreStart"));
        FailAndExpectStop(child);
    }

    [Fact]
    public void OneForOne_with_minus_one_retries_must_restart_without_limit()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(TestActor, _ => Directive.Restart, -1, null));
        var child = this.CreateChild(supervisor, Flaky(TestActor), "flaky:PreStart");
        for (var i = 0; i < 15; i++)
        {
            FailAndExpectRestart(child);
        }
    }

    [Fact]
    public void OneForOne_without_window_must_be_a_lifetime_budget()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(TestActor, _ => Directive.Restart, 2, null));
        var child = Watch(this.CreateChild(supervisor, Flaky(TestActor), "flaky:PreStart"));
        FailAndExpectRestart(child);
        TestScheduler.Advance(TimeSpan.FromDays(1));
        FailAndExpectRestart(child);
        TestScheduler.Advance(TimeSpan.FromDays(1));
        FailAndExpectStop(child);
    }

    [Fact]
    public void ActorInitializationException_must_stop_the_child_and_deliver_Terminated_to_the_parent()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(TestActor, SupervisorStrategy.DefaultDecider.Decide));
        var child = StartChild(supervisor, Props.Create(() => new FailingPreStart(TestActor, failFrom: 1)));
        supervisor.Tell(new Supervisor.WatchIt(child));
        var messages = ReceiveN(3);
        var ex = Assert.Single(messages.OfType<ActorInitializationException>());
        Assert.IsType<TransientException>(ex.InnerException);
        Assert.Contains("watching", messages);
        Assert.Contains("PreStart#1", messages);
        Assert.Equal(child, ExpectMsg<Supervisor.ChildTerminated>().Child);
    }

    [Fact]
    public void PostRestartException_must_wrap_a_PreStart_failure_during_restart_and_may_be_unwrapped_by_the_decider()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(TestActor, ex => ex switch
        {
            PostRestartException { InnerException: TransientException } => Directive.Restart,
            ActorInitializationException => Directive.Stop,
            _ => Directive.Restart,
        }));
        var child = this.CreateChild(supervisor, Props.Create(() => new FailingPreStart(TestActor, failFrom: 2, failUntil: 2)), "PreStart#1");

        child.Tell("fail");
        Assert.IsType<InvalidOperationException>(ExpectMsg<Exception>());
        ExpectMsg("PreStart#2");
        var wrapped = ExpectMsg<PostRestartException>();
        Assert.IsType<TransientException>(wrapped.InnerException);
        Assert.IsType<InvalidOperationException>(wrapped.OriginalCause);
        ExpectMsg("PreStart#3");
        child.Tell("ping");
        ExpectMsg("pong");
    }

    [Fact]
    public void PostRestartException_must_stop_the_child_with_the_default_decider()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(TestActor, SupervisorStrategy.DefaultDecider.Decide));
        var child = Watch(this.CreateChild(supervisor, Props.Create(() => new FailingPreStart(TestActor, failFrom: 2)), "PreStart#1"));
        child.Tell("fail");
        ExpectMsg<InvalidOperationException>();
        ExpectMsg("PreStart#2");
        ExpectMsg<PostRestartException>();
        ExpectTerminated(child);
    }

    [Fact]
    public void Escalate_must_fail_the_parent_with_the_same_exception()
    {
        var top = Sys.ActorOf(Supervisor.Props(TestActor, _ => Directive.Stop));
        var middleProbe = CreateTestProbe();
        var middle = Watch(StartChild(top, Supervisor.Props(middleProbe, _ => Directive.Escalate)));
        middle.Tell(Flaky(middleProbe), middleProbe);
        var child = middleProbe.ReceiveN(2).OfType<IActorRef>().Single();
        child.Tell("throw");
        var atMiddle = middleProbe.ExpectMsg<InvalidOperationException>();
        var atTop = ExpectMsg<InvalidOperationException>();
        Assert.Same(atMiddle, atTop);
        ExpectTerminated(middle);
    }

    [Fact]
    public void Resume_must_keep_the_instance_and_its_state()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(TestActor, _ => Directive.Resume));
        var child = StartChild(supervisor, Props.Create(() => new Counter()));
        child.Tell("inc");
        child.Tell("fail");
        ExpectMsg<InvalidOperationException>();
        child.Tell("inc");
        child.Tell("get");
        ExpectMsg(2);
    }

    [Fact]
    public void Kill_must_stop_the_child_with_ActorKilledException()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(TestActor, SupervisorStrategy.DefaultDecider.Decide));
        var child = Watch(StartChild(supervisor, Props.Create(() => new Counter())));
        child.Tell(Kill.Instance);
        ExpectMsg<ActorKilledException>();
        ExpectTerminated(child);
    }

    [Fact]
    public void Props_WithSupervisorStrategy_must_override_the_actors_strategy()
    {
        var strategy = new OneForOneStrategy(ex =>
        {
            TestActor.Tell("props-strategy");
            return Directive.Resume;
        });
        var supervisor = Sys.ActorOf(Supervisor.Props(TestActor, _ => Directive.Stop).WithSupervisorStrategy(strategy));
        var child = StartChild(supervisor, Props.Create(() => new Counter()));
        child.Tell("fail");
        ExpectMsg("props-strategy");
        child.Tell("get");
        ExpectMsg(0);
    }

    [Fact]
    public void StoppingStrategy_must_stop_on_any_failure()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(TestActor, _ => Directive.Restart).WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy));
        var child = Watch(StartChild(supervisor, Props.Create(() => new Counter())));
        child.Tell("fail");
        ExpectTerminated(child);
    }

    [Theory]
    [InlineData(typeof(ActorInitializationException), Directive.Stop)]
    [InlineData(typeof(ActorKilledException), Directive.Stop)]
    [InlineData(typeof(DeathPactException), Directive.Stop)]
    [InlineData(typeof(InvalidOperationException), Directive.Restart)]
    public void DefaultDecider_must_follow_Akka(Type exceptionType, Directive expected)
    {
        Exception ex = exceptionType == typeof(ActorInitializationException) ? new ActorInitializationException("x")
            : exceptionType == typeof(ActorKilledException) ? new ActorKilledException("x")
            : exceptionType == typeof(DeathPactException) ? new DeathPactException(ActorRefs.Nobody)
            : new InvalidOperationException();
        Assert.Equal(expected, SupervisorStrategy.DefaultDecider.Decide(ex));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider.Decide(new PostRestartException(ActorRefs.Nobody, ex, ex)));
    }

    internal sealed class TransientException() : Exception("transient");

    private sealed class FailingPreStart : ReceiveActor
    {
        private static readonly Dictionary<IActorRef, int> s_incarnations = new();
        private readonly IActorRef _probe;
        private readonly int _failFrom;
        private readonly int _failUntil;

        public FailingPreStart(IActorRef probe, int failFrom, int failUntil = int.MaxValue)
        {
            _probe = probe;
            _failFrom = failFrom;
            _failUntil = failUntil;
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("fail"));
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
        }

        protected override void PreStart()
        {
            int n;
            lock (s_incarnations)
            {
                s_incarnations[Self] = n = s_incarnations.GetValueOrDefault(Self) + 1;
            }

            _probe.Tell($"PreStart#{n}");
            if (n >= _failFrom && n <= _failUntil)
            {
                throw new TransientException();
            }
        }
    }

    private sealed class Counter : ReceiveActor
    {
        private int _count;

        public Counter()
        {
            Receive<string>(s => s == "inc", _ => _count++);
            Receive<string>(s => s == "get", _ => Sender.Tell(_count));
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException());
        }
    }
}
