using System.Diagnostics;
using Akka.Actor;

namespace Coordinator.Actors.Tests.Dispatch;

/// <summary>
/// The actors under test are children created by a parent on the default dispatcher: a child on the inline
/// dispatcher is started on the parent's thread inside Context.ActorOf, so it is idle by the time the spec gets its
/// reference. (A top-level actor is created asynchronously; its first messages may run on whichever thread Akka
/// finishes creating it on, and the spec would race with that thread finishing its turn.)
/// </summary>
public sealed class InlineDispatcherSpecs : Akka.TestKit.Xunit2.TestKit
{
    private const string Config = """
        gate-dispatcher {
          type = "Coordinator.Actors.Dispatch.InlineDispatcherConfigurator, Coordinator.Actors"
        }
        """;

    private static readonly AsyncLocal<string?> Ambient = new();

    public InlineDispatcherSpecs()
        : base(Config)
    {
    }

    [Fact]
    public void A_turn_runs_on_the_senders_thread_before_Tell_returns()
    {
        var recorder = SpawnInline(Props.Create(() => new Recorder()));
        recorder.Tell(new Look(), TestActor);
        ExpectMsg<Look>();

        var look = new Look();
        Thread? sender = null;
        Thread? ranOn = null;
        var plainThread = new Thread(() =>
        {
            sender = Thread.CurrentThread;
            recorder.Tell(look);
            // Read before anything else can happen: the turn must already be over.
            ranOn = look.Thread;
        });
        plainThread.Start();
        plainThread.Join();

        Assert.NotNull(ranOn);
        Assert.Same(sender, ranOn);
    }

    [Fact]
    public void Turns_never_overlap_under_eight_concurrent_senders()
    {
        const int senders = 8;
        const int perSender = 2_000;
        var tally = new Tally();
        var counter = SpawnInline(Props.Create(() => new Counter(tally)));
        using var start = new Barrier(senders);

        var threads = Enumerable.Range(0, senders).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < perSender; i++)
            {
                counter.Tell(Counter.Bump.Instance);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        // Every Tell either ran the mailbox or found another sender running it, and that sender does not return
        // before the mailbox is empty: once all senders are back, every message has had its turn.
        Assert.Equal(0, Volatile.Read(ref tally.Overlaps));
        Assert.Equal(senders * perSender, Volatile.Read(ref tally.Turns));
    }

    [Fact]
    public void Twenty_thousand_hops_between_two_inline_actors_run_without_deepening_the_stack()
    {
        const int hops = 20_000;
        var log = new HopLog();
        var ping = SpawnInline(Props.Create(() => new Hopper(log, TestActor)));
        var pong = SpawnInline(Props.Create(() => new Hopper(log, TestActor)));

        ping.Tell(new Hopper.Hop(pong, hops));

        // All of it ran inside that Tell, on this thread, at one stack depth (give or take tiered compilation's
        // inlining); nesting would add several frames per hop, and overflow long before the last.
        Assert.Equal(hops + 1, log.Hops);
        Assert.Equal([Thread.CurrentThread], log.Threads);
        Assert.InRange(log.Depths.Max() - log.Depths.Min(), 0, 20);
        ExpectMsg<Hopper.Done>();
    }

    [Fact]
    public void An_inline_actor_telling_itself_gets_the_message_after_its_turn_ends_and_before_the_Tell_returns()
    {
        // No deadlock, no turn inside a turn: the mailbox is still marked running while the actor Tells itself,
        // so the message waits for the end of the turn and is then run on the same thread.
        var log = new List<string>();
        var countdown = SpawnInline(Props.Create(() => new Countdown(log)));

        countdown.Tell(3);

        Assert.Equal(["start 3", "end 3", "start 2", "end 2", "start 1", "end 1", "start 0", "end 0"], log);
    }

    [Fact]
    public void A_turn_sees_neither_the_senders_AsyncLocals_nor_its_synchronization_context()
    {
        var recorder = SpawnInline(Props.Create(() => new Recorder()));
        var look = new Look();
        string? senderSeesAfterwards = null;
        SynchronizationContext? senderContextAfterwards = null;
        var sendersContext = new SynchronizationContext();
        var plainThread = new Thread(() =>
        {
            SynchronizationContext.SetSynchronizationContext(sendersContext);
            Ambient.Value = "sender's";
            recorder.Tell(look);
            senderSeesAfterwards = Ambient.Value;
            senderContextAfterwards = SynchronizationContext.Current;
        });
        plainThread.Start();
        plainThread.Join();

        Assert.Same(plainThread, look.Thread);
        Assert.Null(look.Ambient);
        Assert.Null(look.SynchronizationContext);
        // And the turn's own AsyncLocal (the recorder sets one) does not leak back; the sender's context is restored.
        Assert.Equal("sender's", senderSeesAfterwards);
        Assert.Same(sendersContext, senderContextAfterwards);
    }

    private IActorRef SpawnInline(Props props)
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent()));
        parent.Tell(props.WithDispatcher("gate-dispatcher"));
        return ExpectMsg<IActorRef>();
    }

    private sealed class Parent : ReceiveActor
    {
        public Parent()
        {
            Receive<Props>(props => Sender.Tell(Context.ActorOf(props)));
        }
    }

    /// <summary>Filled in by the actor's turn: where it ran and what it saw.</summary>
    private sealed class Look
    {
        public Thread? Thread { get; set; }
        public string? Ambient { get; set; }
        public SynchronizationContext? SynchronizationContext { get; set; }
    }

    private sealed class Recorder : ReceiveActor
    {
        public Recorder()
        {
            Receive<Look>(look =>
            {
                look.Thread = Thread.CurrentThread;
                look.Ambient = InlineDispatcherSpecs.Ambient.Value;
                look.SynchronizationContext = SynchronizationContext.Current;
                InlineDispatcherSpecs.Ambient.Value = "actor's";
                Sender.Tell(look);
            });
        }
    }

    private sealed class Tally
    {
        public int Active;
        public int Overlaps;
        public int Turns;
    }

    private sealed class Counter : ReceiveActor
    {
        public Counter(Tally tally)
        {
            Receive<Bump>(_ =>
            {
                if (Interlocked.Increment(ref tally.Active) != 1)
                {
                    Interlocked.Increment(ref tally.Overlaps);
                }
                // Widen the window an overlap would need.
                Thread.SpinWait(50);
                Interlocked.Increment(ref tally.Turns);
                Interlocked.Decrement(ref tally.Active);
            });
        }

        public sealed record Bump
        {
            public static Bump Instance { get; } = new();
        }
    }

    /// <summary>Written only inside turns, which never overlap; read by the spec after the Tell that ran them all.</summary>
    private sealed class HopLog
    {
        public int Hops { get; set; }
        public HashSet<Thread> Threads { get; } = [];
        public List<int> Depths { get; } = [];
    }

    private sealed class Hopper : ReceiveActor
    {
        public Hopper(HopLog log, IActorRef probe)
        {
            Receive<Hop>(hop =>
            {
                log.Hops++;
                log.Threads.Add(Thread.CurrentThread);
                if (hop.Left % 1_000 == 0)
                {
                    log.Depths.Add(new StackTrace().FrameCount);
                }
                if (hop.Left == 0)
                {
                    probe.Tell(Done.Instance);
                    return;
                }
                hop.Back.Tell(new Hop(Self, hop.Left - 1));
            });
        }

        public sealed record Hop(IActorRef Back, int Left);

        public sealed record Done
        {
            public static Done Instance { get; } = new();
        }
    }

    private sealed class Countdown : ReceiveActor
    {
        public Countdown(List<string> log)
        {
            Receive<int>(n =>
            {
                log.Add($"start {n}");
                if (n > 0)
                {
                    Self.Tell(n - 1);
                }
                log.Add($"end {n}");
            });
        }
    }
}
