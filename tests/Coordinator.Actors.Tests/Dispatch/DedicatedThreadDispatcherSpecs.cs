using Akka.Actor;

namespace Coordinator.Actors.Tests.Dispatch;

public sealed class DedicatedThreadDispatcherSpecs : Akka.TestKit.Xunit2.TestKit
{
    private const string Config = """
        vss-session-dispatcher {
          type = "Coordinator.Actors.Dispatch.DedicatedThreadDispatcherConfigurator, Coordinator.Actors"
          apartment = sta
          throughput = 1
          thread-name-prefix = "vss-session"
          shutdown-timeout = 0s
          stack-size = 256 KiB
        }
        big-stack-dispatcher {
          type = "Coordinator.Actors.Dispatch.DedicatedThreadDispatcherConfigurator, Coordinator.Actors"
          shutdown-timeout = 0s
          stack-size = 1 MiB
        }
        lingering-dispatcher {
          type = "Coordinator.Actors.Dispatch.DedicatedThreadDispatcherConfigurator, Coordinator.Actors"
          shutdown-timeout = 30s
        }
        bare-dispatcher {
          type = "Coordinator.Actors.Dispatch.DedicatedThreadDispatcherConfigurator, Coordinator.Actors"
        }
        """;

    public DedicatedThreadDispatcherSpecs()
        : base(Config)
    {
    }

    [Fact]
    public void An_actor_runs_on_one_thread_from_constructor_to_PostStop_across_awaits_and_a_restart()
    {
        var actor = Sys.ActorOf(Props.Create(() => new LifeCycleReporter(TestActor)).WithDispatcher("vss-session-dispatcher"));
        Watch(actor);
        var seen = new List<ThreadReport>
        {
            ExpectMsg<ThreadReport>(r => r.Where == "ctor"),
            ExpectMsg<ThreadReport>(r => r.Where == "pre-start"),
        };
        for (var i = 0; i < 3; i++)
        {
            actor.Tell(LifeCycleReporter.Where.Instance);
            seen.Add(ExpectMsg<ThreadReport>(r => r.Where == "handler"));
        }

        actor.Tell(LifeCycleReporter.AwaitTwice.Instance);
        seen.Add(ExpectMsg<ThreadReport>(r => r.Where == "before-await"));
        seen.Add(ExpectMsg<ThreadReport>(r => r.Where == "after-delay"));
        seen.Add(ExpectMsg<ThreadReport>(r => r.Where == "after-yield"));

        actor.Tell(LifeCycleReporter.Fail.Instance);
        seen.Add(ExpectMsg<ThreadReport>(r => r.Where == "pre-restart"));
        seen.Add(ExpectMsg<ThreadReport>(r => r.Where == "post-stop"));
        seen.Add(ExpectMsg<ThreadReport>(r => r.Where == "ctor"));
        seen.Add(ExpectMsg<ThreadReport>(r => r.Where == "pre-start"));
        seen.Add(ExpectMsg<ThreadReport>(r => r.Where == "post-restart"));
        actor.Tell(LifeCycleReporter.Where.Instance);
        seen.Add(ExpectMsg<ThreadReport>(r => r.Where == "handler"));

        Sys.Stop(actor);
        seen.Add(ExpectMsg<ThreadReport>(r => r.Where == "post-stop"));
        ExpectTerminated(actor);

        var pinned = seen[0].Thread;
        Assert.NotSame(Thread.CurrentThread, pinned);
        Assert.All(seen, r => Assert.Same(pinned, r.Thread));
    }

    [Fact]
    public void Two_actors_get_two_different_threads()
    {
        var first = Sys.ActorOf(Props.Create(() => new LifeCycleReporter(TestActor)).WithDispatcher("vss-session-dispatcher"));
        var firstThread = ExpectMsg<ThreadReport>(r => r.Where == "ctor").Thread;
        ExpectMsg<ThreadReport>(r => r.Where == "pre-start");
        var second = Sys.ActorOf(Props.Create(() => new LifeCycleReporter(TestActor)).WithDispatcher("vss-session-dispatcher"));
        var secondThread = ExpectMsg<ThreadReport>(r => r.Where == "ctor").Thread;
        ExpectMsg<ThreadReport>(r => r.Where == "pre-start");

        // Both alive at once, so neither thread can be the other's successor.
        first.Tell(LifeCycleReporter.Where.Instance);
        Assert.Same(firstThread, ExpectMsg<ThreadReport>().Thread);
        second.Tell(LifeCycleReporter.Where.Instance);
        Assert.Same(secondThread, ExpectMsg<ThreadReport>().Thread);
        Assert.NotSame(firstThread, secondThread);
        Assert.True(firstThread.IsAlive && secondThread.IsAlive);
    }

    [Fact]
    public void Pinned_thread_is_named_after_the_configured_prefix()
    {
        Sys.ActorOf(Props.Create(() => new LifeCycleReporter(TestActor)).WithDispatcher("vss-session-dispatcher"));
        var thread = ExpectMsg<ThreadReport>(r => r.Where == "ctor").Thread;
        Assert.Matches("^vss-session-[0-9]+$", thread.Name);
    }

    [Fact]
    public void A_pinned_thread_with_a_1_MiB_stack_runs_a_500_KiB_recursion()
    {
        Assert.True(UsableStackKiB("big-stack-dispatcher") >= 512);
    }

    [Fact]
    public void A_pinned_thread_with_a_256_KiB_stack_is_smaller_than_the_runtime_default()
    {
        Assert.InRange(UsableStackKiB("vss-session-dispatcher"), 1, MostUsableKiBFor256KiB);
        // The bound tells the two apart only while a plain new thread has more than that.
        Assert.True(UsableStackKiBOfAPlainThread() > MostUsableKiBFor256KiB);
    }

    [Fact]
    public void Missing_keys_mean_a_thread_named_after_the_dispatcher_with_a_256_KiB_stack()
    {
        Sys.ActorOf(Props.Create(() => new LifeCycleReporter(TestActor)).WithDispatcher("bare-dispatcher"));
        var thread = ExpectMsg<ThreadReport>(r => r.Where == "ctor").Thread;
        ExpectMsg<ThreadReport>(r => r.Where == "pre-start");
        Assert.Matches("^bare-dispatcher-[0-9]+$", thread.Name);
        Assert.InRange(UsableStackKiB("bare-dispatcher"), 1, MostUsableKiBFor256KiB);
    }

    [Fact]
    public void Pinned_thread_exits_when_its_actor_stops()
    {
        var actor = Sys.ActorOf(Props.Create(() => new LifeCycleReporter(TestActor)).WithDispatcher("vss-session-dispatcher"));
        var thread = ExpectMsg<ThreadReport>(r => r.Where == "ctor").Thread;
        ExpectMsg<ThreadReport>(r => r.Where == "pre-start");
        Assert.True(thread.IsAlive);

        Watch(actor);
        Sys.Stop(actor);
        ExpectMsg<ThreadReport>(r => r.Where == "post-stop");
        ExpectTerminated(actor);

        AwaitCondition(() => !thread.IsAlive, TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(10));
    }

    [Fact]
    public void A_dedicated_thread_exits_when_its_actor_stops_without_waiting_for_shutdown_timeout()
    {
        // Akka would shut a pinned dispatcher down only after shutdown-timeout (here 30 s) and its scheduler's next
        // tick; the thread serves one actor only, so it goes with it.
        var actor = Sys.ActorOf(Props.Create(() => new LifeCycleReporter(TestActor)).WithDispatcher("lingering-dispatcher"));
        var thread = ExpectMsg<ThreadReport>(r => r.Where == "ctor").Thread;
        ExpectMsg<ThreadReport>(r => r.Where == "pre-start");

        Watch(actor);
        Sys.Stop(actor);
        ExpectMsg<ThreadReport>(r => r.Where == "post-stop");
        ExpectTerminated(actor);

        AwaitCondition(() => !thread.IsAlive, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(10));
    }

    /// <summary>
    /// The most a thread asked for 256 KiB can have. The size is a floor, not a ceiling: glibc hands a new thread the
    /// cached stack of an exited one when it is up to four times the request (seen: a 256 KiB thread with the
    /// 1 MiB stack of the previous spec's thread). The runtime's default, 1.5 MiB, is still out of reach, so a
    /// stack-size that was ignored fails this.
    /// </summary>
    private const int MostUsableKiBFor256KiB = 4 * 256 - 1;

    private int UsableStackKiB(string dispatcher)
    {
        var actor = Sys.ActorOf(Props.Create(() => new StackMeasurer()).WithDispatcher(dispatcher));
        actor.Tell(StackMeasurer.Measure.Instance);
        return ExpectMsg<int>();
    }

    private static int UsableStackKiBOfAPlainThread()
    {
        var usable = 0;
        var thread = new Thread(() => usable = StackProbe.UsableKiB());
        thread.Start();
        thread.Join();
        return usable;
    }

    /// <summary>Reports the thread of every stage of its life to a probe.</summary>
    private sealed class LifeCycleReporter : ReceiveActor
    {
        private readonly IActorRef _probe;

        public LifeCycleReporter(IActorRef probe)
        {
            _probe = probe;
            Report("ctor");
            Receive<Where>(_ => Report("handler"));
            Receive<Fail>(_ => throw new InvalidOperationException("restart requested by the spec"));
            ReceiveAsync<AwaitTwice>(async _ =>
            {
                Report("before-await");
                await Task.Delay(10);
                Report("after-delay");
                await Task.Yield();
                Report("after-yield");
            });
        }

        protected override void PreStart() => Report("pre-start");

        protected override void PreRestart(Exception reason, object message)
        {
            Report("pre-restart");
            base.PreRestart(reason, message);
        }

        protected override void PostRestart(Exception reason)
        {
            base.PostRestart(reason);
            Report("post-restart");
        }

        protected override void PostStop() => Report("post-stop");

        private void Report(string where) => _probe.Tell(ThreadReport.Here(where));

        public sealed record Where
        {
            public static Where Instance { get; } = new();
        }

        public sealed record Fail
        {
            public static Fail Instance { get; } = new();
        }

        public sealed record AwaitTwice
        {
            public static AwaitTwice Instance { get; } = new();
        }
    }

    private sealed class StackMeasurer : ReceiveActor
    {
        public StackMeasurer()
        {
            Receive<Measure>(_ => Sender.Tell(StackProbe.UsableKiB()));
        }

        public sealed record Measure
        {
            public static Measure Instance { get; } = new();
        }
    }
}
