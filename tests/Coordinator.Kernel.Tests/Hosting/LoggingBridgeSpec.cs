using Coordinator.Kernel.Actor;
using Coordinator.Kernel.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Coordinator.Kernel.Tests.Hosting;

/// <summary>Event-stream events reach Microsoft.Extensions.Logging with the log source as category.</summary>
public sealed class LoggingBridgeSpec : IAsyncLifetime
{
    private readonly TestLoggerProvider _logs = new();
    private IHost _host = null!;
    private ActorSystem _system = null!;
    private IActorRef _actor = null!;

    public async Task InitializeAsync()
    {
        _host = TestHost.Build(
            (builder, _) => builder
                .AddHocon("akka.loglevel = DEBUG", HoconAddMode.Prepend)
                .WithActors((system, registry) =>
                    registry.Register<LoggingActor>(system.ActorOf(Props.Create(() => new LoggingActor()), "logging"))),
            _logs);
        await _host.StartAsync();
        _system = _host.Services.GetRequiredService<ActorSystem>();
        _actor = _host.Services.GetRequiredService<IRequiredActor<LoggingActor>>().ActorRef;
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    [Fact]
    public async Task Info_with_a_template_keeps_category_level_and_structured_arguments()
    {
        _actor.Tell("C:", ActorRefs.NoSender);

        var entry = await _logs.WaitFor(e => e.Message.StartsWith("Snapshotting"));

        Assert.Equal(_actor.Path.ToString(), entry.Category);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal("Snapshotting C: of 3", entry.Message);
        Assert.Contains(entry.State, kv => kv.Key == "Volume" && Equals(kv.Value, "C:"));
        Assert.Contains(entry.State, kv => kv.Key == "{OriginalFormat}" && Equals(kv.Value, "Snapshotting {Volume} of {Count}"));
    }

    [Fact]
    public async Task Error_carries_the_exception()
    {
        var failure = new InvalidOperationException("writer 7 failed");
        _actor.Tell(failure, ActorRefs.NoSender);

        var entry = await _logs.WaitFor(e => e.Message == "Writer failed");

        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Same(failure, entry.Exception);
    }

    [Fact]
    public async Task Positional_templates_and_warnings_are_forwarded()
    {
        _actor.Tell(42, ActorRefs.NoSender);

        var entry = await _logs.WaitFor(e => e.Message == "Plain warning 42");

        Assert.Equal(LogLevel.Warning, entry.Level);
    }

    [Fact]
    public async Task Debug_events_are_forwarded_when_enabled()
    {
        Coordinator.Kernel.Event.Logging.GetLogger(_system, "spec-source").Debug("a debug line");

        var entry = await _logs.WaitFor(e => e.Message == "a debug line");

        Assert.Equal("spec-source", entry.Category);
        Assert.Equal(LogLevel.Debug, entry.Level);
    }

    [Fact]
    public async Task Unhandled_messages_are_logged_as_warnings()
    {
        _actor.Tell(3.14, ActorRefs.NoSender);

        var entry = await _logs.WaitFor(e => e.EventId.Name == "UnhandledMessage");

        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(_actor.Path.ToString(), entry.Category);
        Assert.Contains("Double", entry.Message);
    }

    [Fact]
    public async Task Dead_letters_are_logged()
    {
        var doomed = _system.ActorOf(Props.Create(() => new EchoActor()), "doomed");
        Assert.True(await doomed.GracefulStop(TimeSpan.FromSeconds(5)));

        doomed.Tell("into the void", ActorRefs.NoSender);

        var entry = await _logs.WaitFor(e => e.EventId.Name == "DeadLetter");
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Contains("into the void", entry.Message);
        Assert.Contains("doomed", entry.Category);
    }
}
