using System.Collections.Concurrent;
using Coordinator.Kernel.Actor.Internal;
using Coordinator.Kernel.Dispatch;

namespace Coordinator.Kernel.Tests.Dispatch;

public sealed class PinnedDispatcherSpec : Coordinator.Kernel.TestKit.TestKit
{
    private const string Config = """
        akka.actor.affinity-dispatcher {
          type = PinnedDispatcher
          apartment = sta
          throughput = 1
          thread-name-prefix = "affinity"
          shutdown-timeout = 100ms
        }
        """;

    public PinnedDispatcherSpec()
        : base(Config)
    {
    }

    [Fact]
    public void PinnedDispatcher_must_keep_one_thread_across_ctor_hooks_handlers_awaits_and_restarts()
    {
        var log = new ConcurrentQueue<(string Where, int Thread, string? Name)>();
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));
        var actor = Watch(Sys.ActorOf(Props.Create(() => new Recorder(log, echo)).WithDispatcher("akka.actor.affinity-dispatcher")));
        actor.Tell("work");
        ExpectMsg("worked");
        actor.Tell("fail");
        actor.Tell("work");
        ExpectMsg("worked");
        Sys.Stop(actor);
        ExpectTerminated(actor);

        var entries = log.ToArray();
        var wheres = entries.Select(e => e.Where).ToArray();
        foreach (var expected in new[] { "ctor", "PreStart", "handler", "after-yield", "after-delay", "after-ask", "PreRestart", "PostStop", "PostRestart" })
        {
            Assert.Contains(expected, wheres);
        }

        Assert.Equal(2, wheres.Count(w => w == "ctor"));
        Assert.Single(entries.Select(e => e.Thread).Distinct());
        Assert.StartsWith("affinity-", entries[0].Name, StringComparison.Ordinal);
    }

    [WindowsFact]
    public void PinnedDispatcher_must_run_the_actor_in_an_STA_apartment_on_Windows()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ApartmentReporter()).WithDispatcher("akka.actor.affinity-dispatcher"));
        actor.Tell("apartment");
        Assert.Equal(ApartmentState.STA, ExpectMsg<ApartmentState>());
    }

    [NonWindowsFact]
    public void PinnedDispatcher_must_leave_the_apartment_alone_off_Windows()
    {
        // apartment = sta is configured; SetApartmentState would throw here, so it must not be called.
        var actor = Sys.ActorOf(Props.Create(() => new ApartmentReporter()).WithDispatcher("akka.actor.affinity-dispatcher"));
        actor.Tell("apartment");
        Assert.Equal(ApartmentState.Unknown, ExpectMsg<ApartmentState>());
    }

    [Fact]
    public void ThreadAffinity_must_trip_after_ConfigureAwait_false_in_a_pinned_handler()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(TestActor, _ => Directive.Stop));
        supervisor.Tell(Props.Create(() => new Careless()).WithDispatcher("akka.actor.affinity-dispatcher"));
        var child = ExpectMsg<IActorRef>();
        child.Tell("go");
        var ex = ExpectMsg<InvalidOperationException>();
        Assert.Contains("Thread affinity violated", ex.Message);
    }

    [Fact]
    public void PinnedDispatcher_must_refuse_a_second_owner_and_be_new_per_lookup()
    {
        var first = (PinnedDispatcher)Sys.Dispatchers.Lookup("akka.actor.affinity-dispatcher");
        var second = Sys.Dispatchers.Lookup("akka.actor.affinity-dispatcher");
        Assert.NotSame(first, second);

        var guardian = (IInternalActorRef)Sys.DeadLetters;
        var cellA = new ActorCell(Sys, guardian, ActorPath.Root("test") / "a", Props.Create(() => new Echo()), first);
        var cellB = new ActorCell(Sys, guardian, ActorPath.Root("test") / "b", Props.Create(() => new Echo()), first);
        first.Attach(cellA);
        var ex = Assert.Throws<InvalidOperationException>(() => first.Attach(cellB));
        Assert.Contains("Cannot register to anyone but", ex.Message);
        first.Attach(cellA);
        first.Detach(cellA);
    }

    [Fact]
    public async Task PinnedDispatcher_must_not_leak_threads_after_Terminate()
    {
        const string Prefix = "leakchk";
        var system = ActorSystem.Create("leaks", $$"""
            akka.actor.leak-dispatcher {
              type = PinnedDispatcher
              thread-name-prefix = "{{Prefix}}"
              shutdown-timeout = 50ms
            }
            """);
        var actors = Enumerable.Range(0, 5)
            .Select(_ => system.ActorOf(Props.Create(() => new Echo()).WithDispatcher("leak-dispatcher")))
            .ToList();
        foreach (var actor in actors)
        {
            Assert.Equal("x", await actor.Ask<string>("x", TimeSpan.FromSeconds(5)));
        }

        // One dedicated thread per actor, and restarts do not add threads.
        Assert.Equal(5, ThreadCounter.Kernel(Prefix));
        AwaitCondition(() => ThreadCounter.Os(Prefix) == 5);

        // A restart keeps the cell, hence the dispatcher and its thread.
        var restartable = system.ActorOf(Props.Create(() => new Restartable()).WithDispatcher("leak-dispatcher"));
        var before = await restartable.Ask<string>("thread", TimeSpan.FromSeconds(5));
        restartable.Tell("fail");
        Assert.Equal(before, await restartable.Ask<string>("thread", TimeSpan.FromSeconds(5)));
        Assert.Equal(6, ThreadCounter.Kernel(Prefix));

        await system.Terminate();
        AwaitCondition(() => ThreadCounter.Kernel(Prefix) == 0 && ThreadCounter.Os(Prefix) == 0, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void PinnedDispatcher_must_end_its_thread_after_the_actor_stops()
    {
        var actor = Watch(Sys.ActorOf(Props.Create(() => new ThreadReporter()).WithDispatcher("akka.actor.affinity-dispatcher")));
        actor.Tell("thread");
        var name = ExpectMsg<string>();
        Assert.Contains(name, DedicatedThreadExecutorService.LiveThreadNames);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        AwaitCondition(() => !DedicatedThreadExecutorService.LiveThreadNames.Contains(name));
    }

    private sealed class Recorder : ReceiveActor
    {
        private readonly ConcurrentQueue<(string, int, string?)> _log;

        public Recorder(ConcurrentQueue<(string, int, string?)> log, IActorRef echo)
        {
            _log = log;
            Record("ctor");
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("restart me"));
            ReceiveAsync<string>(s => s == "work", async _ =>
            {
                Record("handler");
                await Task.Yield();
                Record("after-yield");
                await Task.Delay(5);
                Record("after-delay");
                await echo.Ask<int>(1, TimeSpan.FromSeconds(5));
                Record("after-ask");
                Sender.Tell("worked");
            });
        }

        protected override void PreStart() => Record("PreStart");

        protected override void PostStop() => Record("PostStop");

        protected override void PreRestart(Exception reason, object? message)
        {
            Record("PreRestart");
            base.PreRestart(reason, message);
        }

        protected override void PostRestart(Exception reason)
        {
            Record("PostRestart");
            base.PostRestart(reason);
        }

        private void Record(string where) => _log.Enqueue((where, Environment.CurrentManagedThreadId, Thread.CurrentThread.Name));
    }

    private sealed class ApartmentReporter : ReceiveActor
    {
        public ApartmentReporter() => Receive<string>(_ => Sender.Tell(Thread.CurrentThread.GetApartmentState()));
    }

    private sealed class ThreadReporter : ReceiveActor
    {
        public ThreadReporter() => Receive<string>(_ => Sender.Tell(Thread.CurrentThread.Name!));
    }

    private sealed class Restartable : ReceiveActor
    {
        public Restartable()
        {
            Receive<string>(s => s == "thread", _ => Sender.Tell(Thread.CurrentThread.Name!));
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("restart"));
        }
    }

    private sealed class Careless : ReceiveActor
    {
        public Careless()
        {
            ReceiveAsync<string>(async _ =>
            {
                var affinity = ThreadAffinity.CaptureCurrent();
                affinity.Assert();
                await Task.Delay(5).ConfigureAwait(false);
                affinity.Assert();
            });
        }
    }
}
