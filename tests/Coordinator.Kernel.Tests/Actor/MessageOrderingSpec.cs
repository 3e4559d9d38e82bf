using FsCheck;
using FsCheck.Fluent;

namespace Coordinator.Kernel.Tests.Actor;

/// <summary>Akka's guarantee: per sender–receiver pair, messages arrive in send order (nothing across senders).</summary>
public sealed class MessageOrderingSpec : Coordinator.Kernel.TestKit.TestKit
{
    [Fact]
    public void Messages_must_arrive_in_send_order_per_sender()
    {
        var property = Prop.ForAll(
            Gen.Choose(1, 6).ToArbitrary(),
            Gen.Choose(1, 200).ToArbitrary(),
            Gen.Elements(true, false).ToArbitrary(),
            (senders, perSender, pinned) => CheckOrdering(senders, perSender, pinned));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(25), property);
    }

    private bool CheckOrdering(int senders, int perSender, bool pinned)
    {
        var done = new TaskCompletionSource<Dictionary<int, List<int>>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var props = Props.Create(() => new Collector(senders * perSender, done));
        if (pinned)
        {
            props = props.WithDispatcher("akka.actor.pinned-dispatcher");
        }

        var collector = Sys.ActorOf(props);

        // Each sender is a real actor sending from its own turns, concurrently with the others.
        for (var s = 0; s < senders; s++)
        {
            var id = s;
            var sender = Sys.ActorOf(Props.Create(() => new Sender(collector, id, perSender)));
            sender.Tell("go");
        }

        Assert.True(done.Task.Wait(TimeSpan.FromSeconds(10)), "collector did not receive every message");
        Sys.Stop(collector);
        foreach (var (_, sequence) in done.Task.Result)
        {
            for (var i = 1; i < sequence.Count; i++)
            {
                if (sequence[i] != sequence[i - 1] + 1)
                {
                    return false;
                }
            }
        }

        return done.Task.Result.Values.All(seq => seq.Count == perSender);
    }

    private sealed class Sender : ReceiveActor
    {
        public Sender(IActorRef target, int id, int count)
        {
            Receive<string>(_ =>
            {
                for (var i = 0; i < count; i++)
                {
                    target.Tell((id, i));
                }

                Context.Stop(Self);
            });
        }
    }

    private sealed class Collector : ReceiveActor
    {
        private readonly Dictionary<int, List<int>> _seen = new();
        private int _remaining;

        public Collector(int expected, TaskCompletionSource<Dictionary<int, List<int>>> done)
        {
            _remaining = expected;
            Receive<(int Sender, int Seq)>(m =>
            {
                if (!_seen.TryGetValue(m.Sender, out var list))
                {
                    _seen[m.Sender] = list = new List<int>();
                }

                list.Add(m.Seq);
                if (--_remaining == 0)
                {
                    done.TrySetResult(_seen);
                }
            });
        }
    }
}
