using Akka.Actor;
using Akka.TestKit.Xunit2.Attributes;

namespace Coordinator.Actors.Tests.Dispatch;

public sealed class DedicatedThreadApartmentSpecs : Akka.TestKit.Xunit2.TestKit
{
    private const string Config = """
        sta-dispatcher {
          type = "Coordinator.Actors.Dispatch.DedicatedThreadDispatcherConfigurator, Coordinator.Actors"
          apartment = sta
          shutdown-timeout = 0s
        }
        """;

    public DedicatedThreadApartmentSpecs()
        : base(Config)
    {
    }

    [WindowsFact(SkipUnix = "COM apartments exist on Windows only; elsewhere apartment is accepted and not applied")]
    public void An_sta_dispatcher_runs_constructor_handlers_and_await_continuations_in_a_single_threaded_apartment()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ApartmentReporter(TestActor)).WithDispatcher("sta-dispatcher"));
        var seen = new List<(string Where, ApartmentState Apartment)> { ExpectMsg<(string, ApartmentState)>() };
        actor.Tell("handler");
        seen.Add(ExpectMsg<(string, ApartmentState)>());
        actor.Tell(ApartmentReporter.AwaitOnce.Instance);
        seen.Add(ExpectMsg<(string, ApartmentState)>());
        seen.Add(ExpectMsg<(string, ApartmentState)>());

        Assert.Equal(["ctor", "handler", "before-await", "after-await"], seen.Select(s => s.Where));
        Assert.All(seen, s => Assert.Equal(ApartmentState.STA, s.Apartment));
    }

    private sealed class ApartmentReporter : ReceiveActor
    {
        public ApartmentReporter(IActorRef probe)
        {
            probe.Tell(Here("ctor"));
            Receive<string>(where => probe.Tell(Here(where)));
            ReceiveAsync<AwaitOnce>(async _ =>
            {
                probe.Tell(Here("before-await"));
                await Task.Delay(10);
                probe.Tell(Here("after-await"));
            });
        }

        private static (string, ApartmentState) Here(string where) => (where, Thread.CurrentThread.GetApartmentState());

        public sealed record AwaitOnce
        {
            public static AwaitOnce Instance { get; } = new();
        }
    }
}
