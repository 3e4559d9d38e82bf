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
            Assert.Equal(256 * 1024, pinned.StackSize);

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
    public async Task PinnedDispatcher_must_start_its_thread_with_the_configured_stack_size()
    {
        var system = ActorSystem.Create("stacks", """
            akka.actor.big-stack { type = PinnedDispatcher, stack-size = 1 MiB, shutdown-timeout = 0s }
            """);
        try
        {
            Assert.Equal(256 * 1024, Assert.IsType<PinnedDispatcher>(system.Dispatchers.Lookup("pinned-dispatcher")).StackSize);
            Assert.Equal(1024 * 1024, Assert.IsType<PinnedDispatcher>(system.Dispatchers.Lookup("big-stack")).StackSize);

            // Recursion that needs about 400 to 600 KiB of stack: it would overflow (and kill the test process) on the
            // default 256 KiB stack, so it can only pass on a thread that really got the configured size.
            var deep = system.ActorOf(Props.Create(() => new DeepRecursion()).WithDispatcher("big-stack"));
            Assert.Equal(1_500, await deep.Ask<int>(1_500, TimeSpan.FromSeconds(10)));
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
            akka.actor.tiny-stack { type = PinnedDispatcher, stack-size = 4 KiB }
            akka.actor.huge-stack { type = PinnedDispatcher, stack-size = 1 GiB }
            akka.actor.word-stack { type = PinnedDispatcher, stack-size = large }
            """);
        try
        {
            Assert.Throws<ConfigurationException>(() => system.Dispatchers.Lookup("missing"));
            Assert.Throws<ConfigurationException>(() => system.Dispatchers.Lookup("weird"));
            Assert.Throws<ConfigurationException>(() => system.Dispatchers.Lookup("bad-apartment"));
            Assert.Throws<ConfigurationException>(() => system.Dispatchers.Lookup("zero"));
            var tiny = Assert.Throws<ConfigurationException>(() => system.Dispatchers.Lookup("tiny-stack"));
            Assert.Contains("akka.actor.tiny-stack", tiny.Message);
            Assert.Contains("stack-size must be between 64 KiB and 16 MiB", tiny.Message);
            Assert.Throws<ConfigurationException>(() => system.Dispatchers.Lookup("huge-stack"));
            Assert.Contains("stack-size", Assert.Throws<ConfigurationException>(() => system.Dispatchers.Lookup("word-stack")).Message);
            Assert.Throws<ConfigurationException>(() => system.ActorOf(Props.Create(() => new Echo()).WithDispatcher("missing")));
        }
        finally
        {
            await system.Terminate();
        }
    }

    private sealed class DeepRecursion : ReceiveActor
    {
        public DeepRecursion()
        {
            Receive<int>(depth => Sender.Tell(Descend(depth)));
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static int Descend(int depth)
        {
            // About 256 bytes of locals per frame keep the frames from being optimised away.
            Span<byte> frame = stackalloc byte[256];
            frame[depth % frame.Length] = 1;
            return depth == 0 ? 0 : Descend(depth - 1) + frame[depth % frame.Length];
        }
    }
}
