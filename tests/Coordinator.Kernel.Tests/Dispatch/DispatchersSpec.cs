using Coordinator.Kernel.Configuration;
using Coordinator.Kernel.Dispatch;
using Coordinator.Kernel.Tests.Configuration;

namespace Coordinator.Kernel.Tests.Dispatch;

public sealed class DispatchersSpec
{
    [Fact]
    public async Task Dispatchers_must_read_the_repository_akka_hocon()
    {
        var system = ActorSystem.Create("hocon", ConfigurationFactory.FromFile(RepoPaths.AkkaHocon));
        try
        {
            var settings = system.Dispatchers.GetSettings("akka.actor.vss-session-dispatcher");
            Assert.Equal("PinnedDispatcher", settings.Type);
            Assert.Equal(1, settings.Throughput);
            Assert.Equal(ApartmentState.STA, settings.Apartment);
            Assert.Equal("vss-session", settings.ThreadNamePrefix);
            Assert.Equal(TimeSpan.Zero, settings.ShutdownTimeout);
            Assert.Equal(30, system.Dispatchers.DefaultGlobalDispatcher.Throughput);

            var pinned = Assert.IsType<PinnedDispatcher>(system.Dispatchers.Lookup("akka.actor.vss-session-dispatcher"));
            Assert.Equal(ApartmentState.STA, pinned.Apartment);
            Assert.Equal(1, pinned.Throughput);

            // The snapshot gate hands the creation slot over on the releasing session's thread.
            var gate = system.Config.GetString("coordinator.gate.dispatcher", null);
            Assert.Equal("akka.actor.calling-thread-dispatcher", gate);
            Assert.Equal(DispatcherSettings.CallingThreadDispatcherType, system.Dispatchers.GetSettings(gate!).Type);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task Lookup_must_accept_full_and_short_ids_and_share_thread_pool_dispatchers()
    {
        var system = ActorSystem.Create("lookup", "akka.actor.my-pool { type = Dispatcher, throughput = 7 }");
        try
        {
            var full = system.Dispatchers.Lookup("akka.actor.my-pool");
            var shortId = system.Dispatchers.Lookup("my-pool");
            Assert.Same(full, shortId);
            Assert.Equal(7, full.Throughput);
            Assert.Same(system.Dispatchers.DefaultGlobalDispatcher, system.Dispatchers.Lookup(Dispatchers.DefaultDispatcherId));
            Assert.True(system.Dispatchers.HasDispatcher("my-pool"));
            Assert.False(system.Dispatchers.HasDispatcher("nope"));
            Assert.NotSame(system.Dispatchers.Lookup("pinned-dispatcher"), system.Dispatchers.Lookup("pinned-dispatcher"));
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task Unknown_or_invalid_dispatchers_must_fail_with_ConfigurationException()
    {
        var system = ActorSystem.Create("bad", """
            akka.actor.weird { type = ForkJoinDispatcher }
            akka.actor.bad-apartment { type = PinnedDispatcher, apartment = neutral }
            akka.actor.zero { type = Dispatcher, throughput = 0 }
            """);
        try
        {
            Assert.Throws<ConfigurationException>(() => system.Dispatchers.Lookup("missing"));
            Assert.Throws<ConfigurationException>(() => system.Dispatchers.Lookup("weird"));
            Assert.Throws<ConfigurationException>(() => system.Dispatchers.Lookup("bad-apartment"));
            Assert.Throws<ConfigurationException>(() => system.Dispatchers.Lookup("zero"));
            Assert.Throws<ConfigurationException>(() => system.ActorOf(Props.Create(() => new Echo()).WithDispatcher("missing")));
        }
        finally
        {
            await system.Terminate();
        }
    }
}
