using Coordinator.Kernel.Event;

namespace Coordinator.Kernel.Tests.Actor;

public sealed class ActorSystemSpec : Coordinator.Kernel.TestKit.TestKit
{
    [Fact]
    public void ActorSystem_must_start_with_built_in_defaults()
    {
        using var system = ActorSystem.Create("defaults");
        Assert.Equal(30, system.Dispatchers.DefaultGlobalDispatcher.Throughput);
        Assert.IsType<Coordinator.Kernel.Dispatch.PinnedDispatcher>(system.Dispatchers.Lookup("akka.actor.pinned-dispatcher"));
        Assert.Equal(TimeSpan.FromSeconds(30), system.AskTimeout);
    }

    [Fact]
    public void ActorSystem_must_reject_invalid_names() =>
        Assert.Throws<ArgumentException>(() => ActorSystem.Create("no spaces"));

    [Fact]
    public void ActorOf_must_give_paths_under_user_and_reject_duplicate_names()
    {
        var a = Sys.ActorOf(Props.Create(() => new Echo()), "a");
        Assert.Equal("akka://test/user/a", a.Path.ToString());
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new Echo()), "a"));
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new Echo()), "$x"));
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new Echo()), "a/b"));
        var generated = Sys.ActorOf(Props.Create(() => new Echo()));
        Assert.StartsWith("$", generated.Path.Name);
    }

    [Fact]
    public void Actor_must_not_be_creatable_with_new()
    {
        var ex = Assert.Throws<ActorInitializationException>(() => new Echo());
        Assert.Contains("ActorOf", ex.Message);
    }

    [Fact]
    public void Tell_to_a_stopped_actor_must_publish_a_DeadLetter_and_not_throw()
    {
        var echo = Watch(Sys.ActorOf(Props.Create(() => new Echo())));
        Sys.Stop(echo);
        ExpectTerminated(echo);

        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe, typeof(DeadLetter));
        echo.Tell("lost", TestActor);
        var dead = probe.ExpectMsg<DeadLetter>();
        Assert.Equal("lost", dead.Message);
        Assert.Equal(TestActor, dead.Sender);
        Assert.Equal(echo, dead.Recipient);
    }

    [Fact]
    public void Sender_must_be_dead_letters_without_a_sender()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new SenderReporter(probe)));
        actor.Tell("x", ActorRefs.NoSender);
        Assert.Equal(Sys.DeadLetters, probe.ExpectMsg<IActorRef>());
    }

    [Fact]
    public void Unhandled_message_must_be_published()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe, typeof(UnhandledMessage));
        var actor = Sys.ActorOf(Props.Create(() => new OnlyStrings()));
        actor.Tell(42);
        var unhandled = probe.ExpectMsg<UnhandledMessage>();
        Assert.Equal(42, unhandled.Message);
        Assert.Equal(actor, unhandled.Recipient);
    }

    [Fact]
    public async Task Terminate_must_stop_children_before_parents_and_complete_last()
    {
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var system = ActorSystem.Create("ordering");
        system.ActorOf(Props.Create(() => new Parent(log)), "parent");
        var guard = system.ActorOf(Props.Create(() => new Recorder(log, "sibling")), "sibling");
        AwaitCondition(() => log.Count(e => e.StartsWith("start", StringComparison.Ordinal)) == 3);

        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(5));
        log.Enqueue("terminated");
        var entries = log.ToArray();
        Assert.True(Array.IndexOf(entries, "stop:child") < Array.IndexOf(entries, "stop:parent"));
        Assert.Equal("terminated", entries[^1]);
        Assert.Contains("stop:sibling", entries);
        Assert.Throws<InvalidOperationException>(() => system.ActorOf(Props.Create(() => new Echo())));
        Assert.NotNull(guard);
    }

    [Fact]
    public void Props_factory_must_be_reinvoked_on_restart()
    {
        var created = 0;
        var actor = Sys.ActorOf(Props.Create(() =>
        {
            Interlocked.Increment(ref created);
            return new Crash();
        }));
        actor.Tell("crash");
        actor.Tell("ping");
        ExpectMsg("pong");
        Assert.Equal(2, Volatile.Read(ref created));
    }

    [Fact]
    public void Forward_must_keep_the_original_sender()
    {
        var target = CreateTestProbe();
        var forwarder = Sys.ActorOf(Props.Create(() => new Forwarder(target)));
        forwarder.Tell("f");
        target.ExpectMsg("f");
        Assert.Equal(TestActor, target.LastSender);
    }

    [Fact]
    public void Context_must_expose_children_and_parent()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ChildCreator()), "creator");
        parent.Tell("create");
        var reply = ExpectMsg<(IActorRef Child, IActorRef Found, IActorRef Missing, int Count)>();
        Assert.Equal("akka://test/user/creator/kid", reply.Child.Path.ToString());
        Assert.Equal(reply.Child, reply.Found);
        Assert.Equal(ActorRefs.Nobody, reply.Missing);
        Assert.Equal(1, reply.Count);
        reply.Child.Tell("parent?");
        Assert.Equal(parent, ExpectMsg<IActorRef>());
    }

    private sealed class SenderReporter : ReceiveActor
    {
        public SenderReporter(IActorRef probe) => ReceiveAny(_ => probe.Tell(Sender));
    }

    private sealed class OnlyStrings : ReceiveActor
    {
        public OnlyStrings() => Receive<string>(_ => { });
    }

    private sealed class Crash : ReceiveActor
    {
        public Crash()
        {
            Receive<string>(s => s == "crash", _ => throw new InvalidOperationException("crash"));
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
        }
    }

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef target) => ReceiveAny(m => target.Forward(m));
    }

    private sealed class ChildCreator : ReceiveActor
    {
        public ChildCreator()
        {
            Receive<string>(_ =>
            {
                var child = Context.ActorOf(Props.Create(() => new ParentReporter()), "kid");
                Sender.Tell((child, Context.Child("kid"), Context.Child("nope"), Context.GetChildren().Count()));
            });
        }
    }

    private sealed class ParentReporter : ReceiveActor
    {
        public ParentReporter() => Receive<string>(_ => Sender.Tell(Context.Parent));
    }

    internal sealed class Recorder : ReceiveActor
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log;
        private readonly string _name;

        public Recorder(System.Collections.Concurrent.ConcurrentQueue<string> log, string name)
        {
            _log = log;
            _name = name;
            ReceiveAny(_ => { });
        }

        protected override void PreStart() => _log.Enqueue("start:" + _name);

        protected override void PostStop() => _log.Enqueue("stop:" + _name);
    }

    private sealed class Parent : ReceiveActor
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log;

        public Parent(System.Collections.Concurrent.ConcurrentQueue<string> log)
        {
            _log = log;
            ReceiveAny(_ => { });
        }

        protected override void PreStart()
        {
            _log.Enqueue("start:parent");
            Context.ActorOf(Props.Create(() => new Recorder(_log, "child")), "child");
        }

        protected override void PostStop() => _log.Enqueue("stop:parent");
    }
}
