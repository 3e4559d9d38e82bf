namespace Coordinator.Kernel.Tests.Actor;

public sealed class ReceiveAsyncSpec : Coordinator.Kernel.TestKit.TestKit
{
    [Fact]
    public void ReceiveAsync_must_process_B_after_the_continuation_of_A()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new Gated(TestActor, gate.Task)));
        actor.Tell("A");
        actor.Tell("B");
        ExpectMsg("A:start");

        // B is queued but the user mailbox is suspended while A awaits.
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        gate.SetResult();
        ExpectMsg("A:end");
        ExpectMsg("B");
    }

    [Fact]
    public void ReceiveAsync_must_serve_Watch_and_Stop_during_the_await_and_never_continue_after_PostStop()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new Gated(TestActor, gate.Task)));
        actor.Tell("A");
        ExpectMsg("A:start");

        // Watch is a system message: it is served although the user queue is suspended.
        Watch(actor);
        Sys.Stop(actor);
        ExpectMsg("PostStop");
        ExpectTerminated(actor);

        gate.SetResult();
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void ReceiveAsync_must_report_an_exception_thrown_after_an_await_to_the_supervisor()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(TestActor, _ => Directive.Stop));
        supervisor.Tell(Props.Create(() => new Failing()));
        var child = ExpectMsg<IActorRef>();
        Watch(child);
        child.Tell("throw-after-await");
        var ex = ExpectMsg<InvalidOperationException>();
        Assert.Equal("after await", ex.Message);
        ExpectTerminated(child);
    }

    [Fact]
    public void ReceiveAsync_must_report_cancellation_after_an_await_as_TaskCanceledException()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(TestActor, _ => Directive.Resume));
        supervisor.Tell(Props.Create(() => new Failing()));
        var child = ExpectMsg<IActorRef>();
        child.Tell("cancel-after-await");
        ExpectMsg<TaskCanceledException>();

        // Resumed: the mailbox works again.
        child.Tell("ping");
        ExpectMsg("pong");
    }

    [Fact]
    public void ReceiveAsync_must_report_a_synchronous_throw_to_the_supervisor()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(TestActor, _ => Directive.Resume));
        supervisor.Tell(Props.Create(() => new Failing()));
        var child = ExpectMsg<IActorRef>();
        child.Tell("throw-now");
        Assert.Equal("now", ExpectMsg<ArgumentException>().Message);
        child.Tell("ping");
        ExpectMsg("pong");
    }

    [Fact]
    public void ReceiveAsync_must_keep_Sender_and_Context_after_awaits()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Failing()));
        var probe = CreateTestProbe();
        actor.Tell("reply-after-await", probe);
        var reply = probe.ExpectMsg<IActorRef>();
        Assert.Equal(actor, reply);
    }

    [Fact]
    public void ReceiveAsync_must_resume_the_mailbox_when_the_handler_completes_synchronously()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Failing()));
        actor.Tell("sync-async");
        actor.Tell("ping");
        ExpectMsg("sync");
        ExpectMsg("pong");
    }

    [Fact]
    public void ReceiveAsync_must_drop_the_continuation_of_an_instance_restarted_during_the_await()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var supervisor = Sys.ActorOf(Supervisor.Props(CreateTestProbe(), _ => Directive.Restart));
        var awaiting = this.CreateChild(supervisor, Props.Create(() => new EscalatingParent(TestActor, gate.Task)), "A:PreStart");

        // The handler makes its child fail and awaits. The child's failure escalates through the awaiting actor
        // (system messages only), whose supervisor restarts it: the new instance takes over the mailbox.
        awaiting.Tell("await");
        awaiting.Tell("ping");
        ExpectMsg("await:start");
        ExpectMsg("A:PreStart");
        ExpectMsg("pong");

        // The old instance's continuation must never run.
        gate.SetResult();
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    private sealed class EscalatingParent : ReceiveActor
    {
        private readonly IActorRef _probe;
        private IActorRef _child = ActorRefs.Nobody;

        public EscalatingParent(IActorRef probe, Task gate)
        {
            _probe = probe;
            ReceiveAsync<string>(s => s == "await", async _ =>
            {
                probe.Tell("await:start");
                _child.Tell("fail");
                await gate;
                probe.Tell("await:end");
            });
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
        }

        protected override void PreStart()
        {
            _child = Context.ActorOf(Props.Create(() => new FailOnCommand()), "child");
            _probe.Tell("A:PreStart");
        }

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Escalate);
    }

    private sealed class FailOnCommand : ReceiveActor
    {
        public FailOnCommand() => Receive<string>(_ => throw new InvalidOperationException("child failed"));
    }

    private sealed class Gated : ReceiveActor
    {
        private readonly IActorRef _probe;

        public Gated(IActorRef probe, Task gate)
        {
            _probe = probe;
            ReceiveAsync<string>(s => s == "A", async _ =>
            {
                probe.Tell("A:start");
                await gate;
                probe.Tell("A:end");
            });
            Receive<string>(s => s == "B", _ => probe.Tell("B"));
        }

        protected override void PostStop() => _probe.Tell("PostStop");
    }

    private sealed class Failing : ReceiveActor
    {
        public Failing()
        {
            ReceiveAsync<string>(s => s == "throw-after-await", async _ =>
            {
                await Task.Yield();
                throw new InvalidOperationException("after await");
            });
            ReceiveAsync<string>(s => s == "cancel-after-await", async _ =>
            {
                await Task.Yield();
                using var cts = new CancellationTokenSource();
                var pending = Task.Delay(Timeout.Infinite, cts.Token);
                await cts.CancelAsync();
                await pending;
            });
            ReceiveAsync<string>(s => s == "throw-now", _ => throw new ArgumentException("now"));
            ReceiveAsync<string>(s => s == "reply-after-await", async _ =>
            {
                await Task.Delay(1);
                await Task.Yield();
                Sender.Tell(Context.Self);
            });
            ReceiveAsync<string>(s => s == "sync-async", _ =>
            {
                Sender.Tell("sync");
                return Task.CompletedTask;
            });
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
        }
    }
}
