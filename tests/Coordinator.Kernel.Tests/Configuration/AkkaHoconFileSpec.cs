using Coordinator.Kernel.Configuration;

namespace Coordinator.Kernel.Tests.Configuration;

/// <summary>The repository's real config/akka.hocon parses and yields the values written in it.</summary>
public sealed class AkkaHoconFileSpec
{
    private static readonly Config _config = ConfigurationFactory.FromFile(RepoPaths.AkkaHocon);

    [Fact]
    public void Dispatcher_settings_are_read()
    {
        Assert.Equal("INFO", _config.GetString("akka.loglevel"));
        Assert.Equal(TimeSpan.FromSeconds(30), _config.GetTimeSpan("akka.actor.ask-timeout"));
        Assert.Equal("Dispatcher", _config.GetString("akka.actor.default-dispatcher.type"));
        Assert.Equal(30, _config.GetInt("akka.actor.default-dispatcher.throughput"));

        var pinned = _config.GetConfig("akka.actor.vss-session-dispatcher");
        Assert.Equal("PinnedDispatcher", pinned.GetString("type"));
        Assert.Equal("sta", pinned.GetString("apartment"));
        Assert.Equal(1, pinned.GetInt("throughput"));
        Assert.Equal("vss-session", pinned.GetString("thread-name-prefix"));
        Assert.Equal(TimeSpan.Zero, pinned.GetTimeSpan("shutdown-timeout"));
    }

    [Fact]
    public void Coordinator_settings_are_read()
    {
        Assert.Equal("auto", _config.GetString("coordinator.provider"));
        Assert.Equal("akka.actor.vss-session-dispatcher", _config.GetString("coordinator.session.dispatcher"));
        Assert.Equal(TimeSpan.FromMinutes(5), _config.GetTimeSpan("coordinator.session.timeouts.gather-writer-metadata"));
        Assert.Equal(TimeSpan.FromMinutes(10), _config.GetTimeSpan("coordinator.session.timeouts.backup-complete"));
        Assert.Equal(TimeSpan.FromMinutes(2), _config.GetTimeSpan("coordinator.session.timeouts.gather-writer-status"));
        Assert.Equal(4, _config.GetInt("coordinator.retry.max-attempts"));
        Assert.Equal(TimeSpan.FromSeconds(2), _config.GetTimeSpan("coordinator.retry.min-backoff"));
        Assert.Equal(TimeSpan.FromSeconds(30), _config.GetTimeSpan("coordinator.retry.max-backoff"));
        Assert.Equal(0.2, _config.GetDouble("coordinator.retry.random-factor"));
        Assert.Equal(TimeSpan.FromSeconds(1), _config.GetTimeSpan("coordinator.retry.snapshot-in-progress-delay"));
        Assert.Equal("refuse", _config.GetString("coordinator.job.oversize-policy"));
        Assert.Equal(TimeSpan.FromMinutes(30), _config.GetTimeSpan("coordinator.job.default-timeout"));
    }

    [Fact]
    public void Top_level_keys_are_enumerated_in_file_order()
    {
        Assert.Equal(["akka", "coordinator"], _config.AsEnumerable().Select(kv => kv.Key));
    }
}
