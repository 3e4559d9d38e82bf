using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Event;
using Akka.Hosting;
using Coordinator.Actors.Gate;
using Coordinator.Actors.Jobs;
using Coordinator.Hosting;
using Coordinator.Providers;
using Coordinator.Vss.Simulated;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Coordinator.Tests.Hosting;

/// <summary>
/// The actor system's logs as an operator reads them: under the category of the actor they come from, at the level
/// Akka gave them, with unhandled messages as warnings and dead letters as information, each logged once.
/// </summary>
public sealed class AkkaLogBridgeTests : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _logs = new();
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        var config = CoordinatorConfiguration.Load(Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.hocon"), new Dictionary<string, string?>());
        var simulator = new SimulatedVssHost();
        var provider = new ProviderHandle { Name = "simulated", Factory = simulator.CreateFactory(), Description = "simulated" };
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(_logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddCoordinatorActors(config, provider, NullSnapshotJournal.Instance);
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private ActorSystem System => _host.Services.GetRequiredService<ActorSystem>();

    [Fact]
    public async Task A_message_an_actor_does_not_handle_is_one_warning_under_that_actors_path()
    {
        var gate = await _host.Services.GetRequiredService<IRequiredActor<SnapshotGate>>().GetAsync();

        gate.Tell("not a gate message");

        var entry = await _logs.AwaitAsync(e => e.Message.Contains("not a gate message", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(gate.Path.ToString(), entry.Category);
        Assert.Contains("String", entry.Message);
        Assert.Contains("was not handled", entry.Message);
        Assert.Single(_logs.Entries, e => e.Message.Contains("not a gate message", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_to_a_stopped_actor_is_one_dead_letter_at_information()
    {
        var doomed = System.ActorOf(Props.Empty, "doomed");
        await doomed.GracefulStop(TimeSpan.FromSeconds(5));

        doomed.Tell("lost in the post");

        var entry = await _logs.AwaitAsync(e => e.Message.Contains("lost in the post", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Contains("was not delivered", entry.Message);
        Assert.Single(_logs.Entries, e => e.Message.Contains("lost in the post", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_actors_error_keeps_its_level_its_source_as_category_and_its_arguments()
    {
        Logging.GetLogger(System, "coordinator-test-source").Error(new InvalidOperationException("boom"), "cleanup of session for job {0} failed", "job-42");

        // Akka names a non-actor source after the system too: "coordinator-test-source (akka://coordinator)".
        var entry = await _logs.AwaitAsync(e => e.Category.StartsWith("coordinator-test-source", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("cleanup of session for job job-42 failed", entry.Message);
        Assert.Equal("boom", entry.Exception?.Message);
    }

    private sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Capturing(this, categoryName);

        public async Task<Entry> AwaitAsync(Func<Entry, bool> match)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                if (Entries.FirstOrDefault(match) is { } found)
                {
                    return found;
                }
                await Task.Delay(10);
            }
            throw new TimeoutException("no such log entry; logged: " + string.Join(" | ", Entries.Select(e => $"{e.Level} {e.Category}: {e.Message}")));
        }

        public void Dispose()
        {
        }

        private sealed class Capturing(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
        }
    }
}
