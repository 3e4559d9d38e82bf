using Coordinator.Kernel.Event;

namespace Coordinator.Kernel.Tests.Event;

public sealed class EventStreamSpec : Coordinator.Kernel.TestKit.TestKit
{
    public EventStreamSpec()
        : base("akka.loglevel = INFO")
    {
    }

    [Fact]
    public void EventStream_must_deliver_by_type_including_subtypes()
    {
        var probe = CreateTestProbe();
        Assert.True(Sys.EventStream.Subscribe(probe, typeof(LogEvent)));
        Assert.False(Sys.EventStream.Subscribe(probe, typeof(LogEvent)));
        Sys.EventStream.Publish(new Info("src", typeof(EventStreamSpec), "hello"));
        Sys.EventStream.Publish("not a log event");
        Assert.Equal("hello", probe.ExpectMsg<Info>().Message);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        Assert.True(Sys.EventStream.Unsubscribe(probe, typeof(LogEvent)));
        Sys.EventStream.Publish(new Info("src", typeof(EventStreamSpec), "again"));
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void EventStream_must_forget_terminated_subscribers()
    {
        var subscriber = Watch(Sys.ActorOf(Props.Create(() => new Echo())));
        Sys.EventStream.Subscribe(subscriber, typeof(string));
        Sys.Stop(subscriber);
        ExpectTerminated(subscriber);
        Assert.False(Sys.EventStream.Unsubscribe(subscriber));
    }

    [Fact]
    public void Logger_must_publish_formatted_events_at_enabled_levels_only()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe, typeof(LogEvent));
        var actor = Sys.ActorOf(Props.Create(() => new Chatty()), "chatty");
        actor.Tell("log");
        var info = probe.ExpectMsg<Info>();
        Assert.Equal("volume C: ready in 3 steps", info.Message.ToString());
        Assert.Equal("akka://test/user/chatty", info.LogSource);
        var warning = probe.ExpectMsg<Warning>();
        Assert.Equal("positional 1 2", warning.Message.ToString());
        var error = probe.ExpectMsg<Error>();
        Assert.IsType<InvalidOperationException>(error.Cause);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Logger_must_publish_debug_when_loglevel_is_DEBUG()
    {
        var system = ActorSystem.Create("debug", "akka.loglevel = DEBUG");
        try
        {
            var probe = new Coordinator.Kernel.TestKit.TestKit(system).CreateTestProbe();
            system.EventStream.Subscribe(probe, typeof(Coordinator.Kernel.Event.Debug));
            Logging.GetLogger(system, "src").Debug("dbg {0}", 1);
            Assert.Equal("dbg 1", probe.ExpectMsg<Coordinator.Kernel.Event.Debug>().Message.ToString());
        }
        finally
        {
            await system.Terminate();
        }
    }

    private sealed class Chatty : ReceiveActor
    {
        private readonly ILoggingAdapter _log = Context.GetLogger();

        public Chatty()
        {
            Receive<string>(_ =>
            {
                _log.Debug("not published at INFO");
                _log.Info("volume {Volume} ready in {Steps} steps", "C:", 3);
                _log.Warning("positional {0} {1}", 1, 2);
                _log.Error(new InvalidOperationException("x"), "failed");
            });
        }
    }
}
