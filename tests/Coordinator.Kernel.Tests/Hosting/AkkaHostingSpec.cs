using System.Collections.Concurrent;
using Coordinator.Kernel.Actor;
using Coordinator.Kernel.Configuration;
using Coordinator.Kernel.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Coordinator.Kernel.Tests.Hosting;

public sealed class AkkaHostingSpec
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(5);
    private readonly TestLoggerProvider _logs = new();

    [Fact]
    public async Task IRequiredActor_resolves_the_registered_actor_in_any_service()
    {
        using var host = TestHost.Build(
            (builder, _) => builder.WithActors((system, registry) =>
                registry.Register<EchoKey>(system.ActorOf(Props.Create(() => new EchoActor()), "echo"))),
            _logs,
            services => services.AddSingleton<EchoClient>());
        await host.StartAsync();

        var client = host.Services.GetRequiredService<EchoClient>();
        Assert.Same(host.Services.GetRequiredService<ActorRegistry>().Get<EchoKey>(), client.Echo.ActorRef);
        Assert.Equal("ping", await client.Echo.ActorRef.Ask<string>("ping", _timeout));

        await host.StopAsync();
    }

    [Fact]
    public async Task System_and_registry_are_in_DI_and_For_returns_the_host_registry()
    {
        using var host = TestHost.Build((_, _) => { }, _logs);
        await host.StartAsync();

        var system = host.Services.GetRequiredService<ActorSystem>();
        Assert.Equal("hosting-spec", system.Name);
        Assert.Same(host.Services.GetRequiredService<ActorRegistry>(), ActorRegistry.For(system));
        Assert.Same(host.Services.GetRequiredService<ActorRegistry>(), host.Services.GetRequiredService<IActorRegistry>());
        Assert.Same(host.Services.GetRequiredService<ActorRegistry>(), host.Services.GetRequiredService<IReadOnlyActorRegistry>());

        await host.StopAsync();
    }

    [Fact]
    public async Task IRequiredActor_GetAsync_waits_for_an_actor_registered_after_start()
    {
        using var host = TestHost.Build((_, _) => { }, _logs);
        await host.StartAsync();
        var required = host.Services.GetRequiredService<IRequiredActor<LateKey>>();
        var waiting = required.GetAsync();
        Assert.False(waiting.IsCompleted);

        var system = host.Services.GetRequiredService<ActorSystem>();
        var late = system.ActorOf(Props.Create(() => new EchoActor()), "late");
        host.Services.GetRequiredService<IActorRegistry>().Register<LateKey>(late);

        Assert.Same(late, await waiting.WaitAsync(_timeout));
        await host.StopAsync();
    }

    [Fact]
    public async Task Host_StopAsync_runs_PostStop_of_every_actor_and_terminates_the_system()
    {
        var stopped = new ConcurrentQueue<string>();
        using var host = TestHost.Build(
            (builder, _) => builder.WithActors((system, _) =>
            {
                system.ActorOf(Props.Create(() => new StopRecordingActor(stopped, "parent", "child-1", "child-2")), "parent");
                system.ActorOf(Props.Create(() => new StopRecordingActor(stopped, "single")), "single");
            }),
            _logs);
        await host.StartAsync();
        var system = host.Services.GetRequiredService<ActorSystem>();
        Assert.Empty(stopped);

        await host.StopAsync();

        Assert.True(system.WhenTerminated.IsCompleted);
        Assert.Equal(["child-1", "child-2", "parent", "single"], stopped.Order());
        var order = stopped.ToList();
        Assert.True(order.IndexOf("child-1") < order.IndexOf("parent") && order.IndexOf("child-2") < order.IndexOf("parent"));
    }

    [Fact]
    public async Task A_system_terminating_by_itself_stops_the_application()
    {
        using var host = TestHost.Build((_, _) => { }, _logs);
        await host.StartAsync();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = TestHost.WhenCancelled(lifetime.ApplicationStopping);
        Assert.False(stopping.IsCompleted);

        await host.Services.GetRequiredService<ActorSystem>().Terminate();

        await stopping.WaitAsync(_timeout);
        var warning = await _logs.WaitFor(e => e.Level == LogLevel.Warning && e.Category == typeof(AkkaHostedService).FullName);
        Assert.Contains("terminated without the host stopping it", warning.Message);
        await host.StopAsync();
    }

    [Fact]
    public async Task Stopping_the_host_does_not_report_a_self_termination()
    {
        using var host = TestHost.Build((_, _) => { }, _logs);
        await host.StartAsync();
        var system = host.Services.GetRequiredService<ActorSystem>();

        await host.StopAsync();
        await system.WhenTerminated.WaitAsync(_timeout);

        // The termination watcher logs "terminated" before deciding; wait for it so the check below is not vacuous.
        await _logs.WaitFor(e => e.Message == "Actor system hosting-spec terminated");
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains("terminated without the host stopping it"));
    }

    [Fact]
    public async Task A_failed_start_logs_Critical_stops_the_system_and_rethrows()
    {
        var failure = new InvalidOperationException("starter exploded");
        using var host = TestHost.Build(
            (builder, _) => builder.WithActors((_, _) => throw failure),
            _logs);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Same(failure, thrown);
        var critical = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.Same(failure, critical.Exception);
        Assert.Contains("hosting-spec failed to start", critical.Message);
        await host.Services.GetRequiredService<ActorSystem>().WhenTerminated.WaitAsync(_timeout);
    }

    [Fact]
    public async Task A_malformed_hocon_file_fails_the_start_with_its_position()
    {
        using var dir = new Configuration.TempDirectory();
        var path = dir.Write("akka.hocon", "akka {\n  loglevel }\n");
        using var host = TestHost.Build((builder, _) => builder.AddHoconFile(path), _logs);

        var thrown = await Assert.ThrowsAsync<HoconParseException>(() => host.StartAsync());

        Assert.StartsWith($"{path}:2:12:", thrown.Message);
        Assert.Single(_logs.Entries, e => e.Level == LogLevel.Critical);
    }

    [Fact]
    public async Task Async_starters_run_in_order_and_are_awaited()
    {
        var order = new ConcurrentQueue<string>();
        using var host = TestHost.Build(
            (builder, _) => builder
                .WithActors(async (_, _) =>
                {
                    await Task.Yield();
                    order.Enqueue("first");
                })
                .WithActors((_, _) => order.Enqueue("second")),
            _logs);

        await host.StartAsync();

        Assert.Equal(["first", "second"], order);
        await host.StopAsync();
    }

    [Fact]
    public async Task Hocon_added_to_the_builder_configures_the_system()
    {
        using var dir = new Configuration.TempDirectory();
        var file = dir.Write("akka.hocon", "akka.actor.ask-timeout = 7s\nakka.loglevel = DEBUG\ncustom { a = file, b = file }");
        using var host = TestHost.Build(
            (builder, _) => builder
                .AddHoconFile(file)
                .AddHocon(ConfigurationFactory.ParseString("custom.a = prepended"), HoconAddMode.Prepend)
                .AddHocon("custom { b = appended, c = appended }", HoconAddMode.Append),
            _logs);
        await host.StartAsync();

        var config = host.Services.GetRequiredService<ActorSystem>().Config;
        Assert.Equal("prepended", config.GetString("custom.a"));
        Assert.Equal("file", config.GetString("custom.b"));
        Assert.Equal("appended", config.GetString("custom.c"));
        Assert.Equal(TimeSpan.FromSeconds(7), host.Services.GetRequiredService<ActorSystem>().AskTimeout);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_real_akka_hocon_starts_a_hosted_system()
    {
        using var host = TestHost.Build((builder, _) => builder.AddHoconFile(Configuration.RepoPaths.AkkaHocon), _logs);
        await host.StartAsync();

        var system = host.Services.GetRequiredService<ActorSystem>();
        Assert.Equal(TimeSpan.FromSeconds(30), system.AskTimeout);
        Assert.Equal("sta", system.Config.GetString("akka.actor.vss-session-dispatcher.apartment"));
        await host.StopAsync();
    }

    [Fact]
    public async Task The_resolver_builds_actors_from_DI_services()
    {
        using var host = TestHost.Build(
            (builder, _) => builder.WithActors((system, registry, resolver) =>
                registry.Register<GreeterActor>(system.ActorOf(resolver.Props<GreeterActor>("!"), "greeter"))),
            _logs,
            services => services.AddSingleton(new Greeting("Hello")));
        await host.StartAsync();

        var greeter = host.Services.GetRequiredService<IRequiredActor<GreeterActor>>().ActorRef;
        Assert.Equal("Hello VSS!", await greeter.Ask<string>("VSS", _timeout));
        await host.StopAsync();
    }

    [Fact]
    public void AddAkka_twice_is_refused()
    {
        var services = new ServiceCollection();
        services.AddAkka("one", _ => { });
        Assert.Throws<InvalidOperationException>(() => services.AddAkka("two", _ => { }));
    }

    private sealed class EchoClient(IRequiredActor<EchoKey> echo)
    {
        public IRequiredActor<EchoKey> Echo { get; } = echo;
    }
}
