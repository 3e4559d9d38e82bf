using Coordinator.Kernel.Dispatch;

namespace Coordinator.Kernel.Tests.Dispatch;

/// <summary>
/// akka.actor.calling-thread-dispatcher: the actor's turn runs on the sender's thread, still one turn at a time,
/// and a sender that is itself an actor keeps its own context across the nested turn.
/// </summary>
public sealed class CallingThreadDispatcherSpec : Coordinator.Kernel.TestKit.TestKit
{
    private const string Dispatcher = "akka.actor.calling-thread-dispatcher";

    [Fact]
    public void CallingThreadDispatcher_is_built_in_and_shared()
    {
        var dispatcher = Sys.Dispatchers.Lookup(Dispatcher);
        Assert.Same(dispatcher, Sys.Dispatchers.Lookup("calling-thread-dispatcher"));
        Assert.Equal(DispatcherSettings.CallingThreadDispatcherType, Sys.Dispatchers.GetSettings(Dispatcher).Type);
    }

    [Fact]
    public void CallingThreadDispatcher_must_run_the_turn_on_the_senders_thread_before_Tell_returns()
    {
        var seen = new List<int>();
        var actor = Sys.ActorOf(Props.Create(() => new ThreadRecorder(seen)).WithDispatcher(Dispatcher));
        // Create runs on this thread too: the actor exists before ActorOf returns, so the Tell meets an idle mailbox.
        var worker = new Thread(() => actor.Tell("first")) { Name = "sender" };
        worker.Start();
        worker.Join();
        actor.Tell("second");

        lock (seen)
        {
            Assert.Equal([worker.ManagedThreadId, Environment.CurrentManagedThreadId], seen);
        }
    }

    [Fact]
    public void CallingThreadDispatcher_must_leave_a_sending_actor_its_own_Self_and_Sender()
    {
        var gate = Sys.ActorOf(Props.Create(() => new Replier()).WithDispatcher(Dispatcher), "gate");
        var asker = Sys.ActorOf(Props.Create(() => new Asker(gate)), "asker");
        asker.Tell("go");

        // The asker told the calling-thread actor in the middle of its turn; after the nested turn it still
        // answers its own sender (the test actor) as itself.
        var after = ExpectMsg<(string Self, string Sender)>();
        Assert.Equal("asker", after.Self);
        Assert.Equal(TestActor.Path.Name, after.Sender);
        // The nested turn answered the asker, which forwarded that answer here.
        Assert.Equal(("replied", "asker"), ExpectMsg<(string, string)>());
    }

    [Fact]
    public void CallingThreadDispatcher_must_keep_turns_serial_under_concurrent_senders()
    {
        const int Senders = 8;
        const int PerSender = 2_000;
        var counter = Sys.ActorOf(Props.Create(() => new OverlapCounter()).WithDispatcher(Dispatcher));
        var threads = Enumerable.Range(0, Senders).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < PerSender; i++)
            {
                counter.Tell("count");
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        counter.Tell("report", TestActor);
        Assert.Equal((Senders * PerSender, 0), ExpectMsg<(int Count, int Overlaps)>());
    }

    [Fact]
    public void CallingThreadDispatcher_must_let_two_such_actors_talk_without_deepening_the_stack()
    {
        var ping = Sys.ActorOf(Props.Create(() => new Bouncer(TestActor)).WithDispatcher(Dispatcher));
        var pong = Sys.ActorOf(Props.Create(() => new Bouncer(TestActor)).WithDispatcher(Dispatcher));
        ping.Tell(new Ball(pong, 20_000));
        Assert.Equal(0, ExpectMsg<Ball>().Left);
    }

    private sealed class ThreadRecorder : ReceiveActor
    {
        public ThreadRecorder(List<int> seen)
        {
            Receive<string>(_ =>
            {
                lock (seen)
                {
                    seen.Add(Environment.CurrentManagedThreadId);
                }
            });
        }
    }

    private sealed class Replier : ReceiveActor
    {
        public Replier()
        {
            Receive<string>(_ => Sender.Tell(("replied", Self.Path.Name)));
        }
    }

    private sealed class Asker : ReceiveActor
    {
        private IActorRef? _origin;

        public Asker(IActorRef gate)
        {
            Receive<string>(_ =>
            {
                _origin = Sender;
                gate.Tell("hello");
                Sender.Tell((Self.Path.Name, Sender.Path.Name));
            });
            Receive<(string, string)>(reply => _origin!.Tell(reply with { Item2 = Self.Path.Name }));
        }
    }

    private sealed class OverlapCounter : ReceiveActor
    {
        private int _inTurn;
        private int _count;
        private int _overlaps;

        public OverlapCounter()
        {
            Receive<string>(m => m == "count", _ =>
            {
                if (Interlocked.Increment(ref _inTurn) != 1)
                {
                    Interlocked.Increment(ref _overlaps);
                }
                _count++;
                Thread.SpinWait(50);
                Interlocked.Decrement(ref _inTurn);
            });
            Receive<string>(m => m == "report", _ => Sender.Tell((_count, _overlaps)));
        }
    }

    private sealed record Ball(IActorRef Other, int Left);

    private sealed class Bouncer : ReceiveActor
    {
        public Bouncer(IActorRef done)
        {
            Receive<Ball>(ball =>
            {
                if (ball.Left == 0)
                {
                    done.Tell(ball);
                    return;
                }
                ball.Other.Tell(ball with { Other = Self, Left = ball.Left - 1 });
            });
        }
    }
}
