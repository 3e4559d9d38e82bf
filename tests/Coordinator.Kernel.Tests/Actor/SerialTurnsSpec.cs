namespace Coordinator.Kernel.Tests.Actor;

/// <summary>An actor never runs two turns at once: plain handlers, async continuations, timers and Ask replies included.</summary>
public sealed class SerialTurnsSpec : Coordinator.Kernel.TestKit.TestKit
{
    [Theory]
    [InlineData(null)]
    [InlineData("akka.actor.pinned-dispatcher")]
    public void Actor_must_run_one_turn_at_a_time(string? dispatcher)
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));
        var props = Props.Create(() => new Busy(echo));
        var busy = Sys.ActorOf(dispatcher is null ? props : props.WithDispatcher(dispatcher));

        // Concurrent producers on the thread pool, while the actor's own periodic timer and Ask replies interleave.
        const int PerProducer = 200;
        Parallel.For(0, 4, p =>
        {
            for (var i = 0; i < PerProducer; i++)
            {
                busy.Tell(i % 5 == 0 ? new Work(i) : (object)"plain", ActorRefs.NoSender);
            }
        });

        // The actor answers once it has handled everything and seen ticks interleaved with the work.
        busy.Tell(new ReportWhenDone(4 * PerProducer));
        var report = ExpectMsg<Report>(TimeSpan.FromSeconds(15));
        Assert.Equal(1, report.MaxConcurrency);
        Assert.Equal(4 * PerProducer, report.Handled);
        Assert.True(report.Ticks > 0, "the timer never fired");
        Assert.Equal(4 * (PerProducer / 5), report.AskReplies);
    }

    private sealed record Work(int N);

    private sealed record ReportWhenDone(int Expected);

    private sealed record Report(int MaxConcurrency, int Handled, int Ticks, int AskReplies);

    private sealed class Busy : ReceiveActor, IWithTimers
    {
        private readonly IActorRef _echo;
        private int _inTurn;
        private int _max;
        private int _handled;
        private int _ticks;
        private int _askReplies;
        private (IActorRef Requester, int Expected)? _pending;

        public Busy(IActorRef echo)
        {
            _echo = echo;
            Receive<string>(s => s == "plain", _ => Turn(() => _handled++));
            Receive<string>(s => s == "tick", _ => Turn(() => _ticks++));
            ReceiveAsync<Work>(async w =>
            {
                Turn(() => { });
                await Task.Yield();
                Turn(() => { });
                var reply = await _echo.Ask<int>(w.N, TimeSpan.FromSeconds(10));
                Turn(() =>
                {
                    if (reply == w.N)
                    {
                        _askReplies++;
                    }
                });
                await Task.Delay(1);
                Turn(() => _handled++);
            });
            Receive<ReportWhenDone>(r =>
            {
                _pending = (Sender, r.Expected);
                CheckDone();
            });
        }

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart() => Timers.StartPeriodicTimer("tick", "tick", TimeSpan.FromMilliseconds(1));

        private void Turn(Action body)
        {
            var now = Interlocked.Increment(ref _inTurn);
            _max = Math.Max(_max, now);

            // Widen the window in which an overlapping turn would be caught.
            Thread.SpinWait(50);
            body();
            Interlocked.Decrement(ref _inTurn);
            CheckDone();
        }

        private void CheckDone()
        {
            if (_pending is { } p && _handled == p.Expected && _ticks >= 5)
            {
                p.Requester.Tell(new Report(_max, _handled, _ticks, _askReplies));
                _pending = null;
            }
        }
    }
}
