namespace Coordinator.Kernel.Tests.Dispatch;

public sealed class MailboxSpec : Coordinator.Kernel.TestKit.TestKit
{
    [Theory]
    [InlineData(null, 20_000)]
    [InlineData("akka.actor.pinned-dispatcher", 3_000)]
    public async Task Mailbox_must_never_lose_a_wakeup_in_ping_pong(string? dispatcher, int roundTrips)
    {
        // Ping-pong keeps every mailbox on the edge between idle and scheduled: a lost wake-up hangs a pair.
        var pairs = Enumerable.Range(0, 4).Select(_ =>
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var pongProps = Props.Create(() => new Pong());
            var pong = Sys.ActorOf(dispatcher is null ? pongProps : pongProps.WithDispatcher(dispatcher));
            var pingProps = Props.Create(() => new Ping(pong, roundTrips, done));
            var ping = Sys.ActorOf(dispatcher is null ? pingProps : pingProps.WithDispatcher(dispatcher));
            ping.Tell("start");
            return done.Task;
        }).ToArray();

        await Task.WhenAll(pairs).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Stop_must_jump_ahead_of_queued_user_messages()
    {
        using var gate = new ManualResetEventSlim();
        var counter = new int[1];
        var actor = Watch(Sys.ActorOf(Props.Create(() => new Blocker(gate, counter, TestActor))));
        actor.Tell("first");
        ExpectMsg("blocked");
        for (var i = 0; i < 100; i++)
        {
            actor.Tell("queued");
        }

        Sys.Stop(actor);
        gate.Set();
        ExpectTerminated(actor);
        Assert.Equal(1, Volatile.Read(ref counter[0]));
    }

    private sealed class Blocker : ReceiveActor
    {
        public Blocker(ManualResetEventSlim gate, int[] counter, IActorRef probe)
        {
            Receive<string>(_ =>
            {
                if (Interlocked.Increment(ref counter[0]) == 1)
                {
                    probe.Tell("blocked");
                    gate.Wait(TimeSpan.FromSeconds(10));
                }
            });
        }
    }

    private sealed class Pong : ReceiveActor
    {
        public Pong() => Receive<int>(i => Sender.Tell(i + 1));
    }

    private sealed class Ping : ReceiveActor
    {
        public Ping(IActorRef pong, int roundTrips, TaskCompletionSource done)
        {
            Receive<string>(_ => pong.Tell(0));
            Receive<int>(i =>
            {
                if (i >= roundTrips)
                {
                    done.TrySetResult();
                }
                else
                {
                    pong.Tell(i);
                }
            });
        }
    }
}
