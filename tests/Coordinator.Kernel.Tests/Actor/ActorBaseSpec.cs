namespace Coordinator.Kernel.Tests.Actor;

public sealed class ActorBaseSpec : Coordinator.Kernel.TestKit.TestKit
{
    [Fact]
    public void UntypedActor_must_receive_everything_and_report_explicit_Unhandled()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe, typeof(Coordinator.Kernel.Event.UnhandledMessage));
        var actor = Sys.ActorOf(Props.Create<Untyped>());
        actor.Tell("hi");
        ExpectMsg("untyped:hi");
        actor.Tell(3);
        Assert.Equal(3, probe.ExpectMsg<Coordinator.Kernel.Event.UnhandledMessage>().Message);
    }

    [Fact]
    public void Become_must_replace_the_handlers()
    {
        var actor = Sys.ActorOf(Props.Create<Switcher>());
        actor.Tell("who");
        ExpectMsg("first");
        actor.Tell("switch");
        actor.Tell("who");
        ExpectMsg("second");
        actor.Tell("switch-context");
        actor.Tell("who");
        ExpectMsg("third");
    }

    [Fact]
    public void Receive_must_use_the_first_matching_handler_and_predicates()
    {
        var actor = Sys.ActorOf(Props.Create<Matcher>());
        actor.Tell(5);
        actor.Tell(50);
        actor.Tell("text");
        actor.Tell(2.5);
        Assert.Equal(["small", "big", "func:text", "any:2.5"], ReceiveN(4));
    }

    [Fact]
    public void RunTask_must_give_UntypedActor_async_semantics()
    {
        var actor = Sys.ActorOf(Props.Create<AsyncUntyped>());
        actor.Tell("a");
        actor.Tell("b");
        ExpectMsg("a:done");
        ExpectMsg("b:done");
    }

    [Fact]
    public void Field_initializers_must_see_the_Context()
    {
        var actor = Sys.ActorOf(Props.Create<FieldInitialized>(), "fields");
        actor.Tell("who");
        Assert.Equal(actor, ExpectMsg<IActorRef>());
        ExpectMsg("akka://test/user/fields");
    }

    private sealed class FieldInitialized : ReceiveActor
    {
        private readonly IActorRef _self = Context.Self;
        private readonly string _path = Context.Self.Path.ToString();

        public FieldInitialized()
        {
            Receive<string>(_ =>
            {
                Sender.Tell(_self);
                Sender.Tell(_path);
            });
        }
    }

    private sealed class Untyped : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is string s)
            {
                Sender.Tell("untyped:" + s);
            }
            else
            {
                Unhandled(message);
            }
        }
    }

    private sealed class AsyncUntyped : UntypedActor
    {
        protected override void OnReceive(object message) => RunTask(async () =>
        {
            await Task.Delay(10);
            Sender.Tell(message + ":done");
        });
    }

    private sealed class Switcher : ReceiveActor
    {
        public Switcher()
        {
            Receive<string>(s => s == "who", _ => Sender.Tell("first"));
            Receive<string>(s => s == "switch", _ => Become(() =>
            {
                Receive<string>(s => s == "who", _ => Sender.Tell("second"));
                Receive<string>(s => s == "switch-context", _ => Context.Become(m =>
                {
                    Sender.Tell("third");
                    return true;
                }));
            }));
        }
    }

    private sealed class Matcher : ReceiveActor
    {
        public Matcher()
        {
            Receive<int>(i => i < 10, _ => Sender.Tell("small"));
            Receive<int>(_ => Sender.Tell("big"));
            Receive<string>(s =>
            {
                Sender.Tell("func:" + s);
                return true;
            });
            ReceiveAny(m => Sender.Tell("any:" + Convert.ToString(m, System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
