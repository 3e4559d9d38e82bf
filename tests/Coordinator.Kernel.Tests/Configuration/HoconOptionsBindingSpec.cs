using Coordinator.Kernel.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Coordinator.Kernel.Tests.Configuration;

/// <summary>The "coordinator" section of the real config/akka.hocon binds to options with TimeSpan properties.</summary>
public sealed class HoconOptionsBindingSpec
{
    private static readonly IConfiguration _configuration =
        new ConfigurationBuilder().AddHoconFile(RepoPaths.AkkaHocon).Build();

    [Fact]
    public void ConfigureHocon_binds_kebab_case_keys_and_durations()
    {
        var services = new ServiceCollection();
        services.ConfigureHocon<CoordinatorOptions>(_configuration.GetSection("coordinator"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<CoordinatorOptions>>().Value;

        Assert.Equal("auto", options.Provider);
        Assert.Equal("akka.actor.vss-session-dispatcher", options.Session.Dispatcher);
        Assert.Equal(TimeSpan.FromMinutes(5), options.Session.Timeouts.GatherWriterMetadata);
        Assert.Equal(TimeSpan.FromMinutes(10), options.Session.Timeouts.BackupComplete);
        Assert.Equal(4, options.Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Retry.MinBackoff);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Retry.MaxBackoff);
        Assert.Equal(0.2, options.Retry.RandomFactor);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Retry.SnapshotInProgressDelay);
        Assert.Equal(OversizePolicy.Refuse, options.Job.OversizePolicy);
        Assert.Equal(TimeSpan.FromMinutes(30), options.Job.DefaultTimeout);
    }

    [Fact]
    public void Dictionaries_keep_the_hocon_keys_and_convert_duration_values()
    {
        var timeouts = _configuration.GetSection("coordinator:session:timeouts").GetHocon<Dictionary<string, TimeSpan>>();
        Assert.Equal(TimeSpan.FromMinutes(2), timeouts["gather-writer-status"]);
        Assert.Equal(TimeSpan.FromMilliseconds(20), timeouts["wait-slice"]);
        Assert.Equal(6, timeouts.Count);
    }

    [Fact]
    public void Strings_that_look_like_durations_stay_text_and_dotnet_timespans_still_bind()
    {
        var configuration = new ConfigurationBuilder()
            .AddHocon(ConfigurationFactory.ParseString("label = 5m\ndelay = \"00:00:07\"\nwait = 250\nforever = infinite\nmaybe = 3s\nlist = [1s, 2m]"))
            .Build();
        var options = configuration.GetHocon<MixedOptions>();
        Assert.Equal("5m", options.Label);
        Assert.Equal(TimeSpan.FromSeconds(7), options.Delay);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Wait);
        Assert.Equal(Timeout.InfiniteTimeSpan, options.Forever);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Maybe);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2)], options.List);
    }

    [Fact]
    public void The_standard_binder_alone_does_not_understand_kebab_keys_or_durations()
    {
        // Why ConfigureHocon exists: Microsoft's binder skips kebab-case keys and rejects "2s" for a TimeSpan.
        var unbound = _configuration.GetSection("coordinator:retry").Get<RetryOptions>()!;
        Assert.Equal(0, unbound.MaxAttempts);
        Assert.Equal(TimeSpan.Zero, unbound.MinBackoff);

        var durations = new ConfigurationBuilder().AddHocon(ConfigurationFactory.ParseString("wait = 2s")).Build();
        Assert.Throws<InvalidOperationException>(() => durations.Get<MixedOptions>());
        Assert.Equal(TimeSpan.FromSeconds(2), durations.GetHocon<MixedOptions>().Wait);
    }

    [Fact]
    public void Options_reload_with_the_configuration()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("app.conf", "retry { max-attempts = 1 }");
        var configuration = new ConfigurationBuilder().AddHoconFile(path).Build();
        var services = new ServiceCollection();
        services.ConfigureHocon<CoordinatorOptions>(configuration);
        using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<CoordinatorOptions>>();
        Assert.Equal(1, monitor.CurrentValue.Retry.MaxAttempts);

        File.WriteAllText(path, "retry { max-attempts = 9 }");
        configuration.Reload();

        Assert.Equal(9, monitor.CurrentValue.Retry.MaxAttempts);
    }

    [Fact]
    public void Lists_of_objects_arrays_and_attribute_names_bind()
    {
        var configuration = new ConfigurationBuilder()
            .AddHocon(ConfigurationFactory.ParseString(
                "writers = [{ writer-name = sql, freeze-timeout = 10s }, { writer-name = exchange }]\nvolumes = [\"C:\", \"D:\"]\nlegacy-name = kept"))
            .Build();

        var options = configuration.GetHocon<CollectionOptions>();

        Assert.Equal(["sql", "exchange"], options.Writers.Select(w => w.WriterName));
        Assert.Equal(TimeSpan.FromSeconds(10), options.Writers[0].FreezeTimeout);
        Assert.Null(options.Writers[1].FreezeTimeout);
        Assert.Equal(["C:", "D:"], options.Volumes);
        Assert.Equal("kept", options.Renamed);
    }

    public sealed class CollectionOptions
    {
        public List<WriterOptions> Writers { get; set; } = [];

        public string[] Volumes { get; set; } = [];

        [ConfigurationKeyName("legacy-name")]
        public string Renamed { get; set; } = string.Empty;
    }

    public sealed class WriterOptions
    {
        public string WriterName { get; set; } = string.Empty;

        public TimeSpan? FreezeTimeout { get; set; }
    }

    public enum OversizePolicy
    {
        Refuse,
        Split,
    }

    public sealed class CoordinatorOptions
    {
        public string Provider { get; set; } = string.Empty;

        public SessionOptions Session { get; set; } = new();

        public RetryOptions Retry { get; set; } = new();

        public JobOptions Job { get; set; } = new();
    }

    public sealed class SessionOptions
    {
        public string Dispatcher { get; set; } = string.Empty;

        public TimeoutOptions Timeouts { get; set; } = new();
    }

    public sealed class TimeoutOptions
    {
        public TimeSpan GatherWriterMetadata { get; set; }

        public TimeSpan BackupComplete { get; set; }
    }

    public sealed class RetryOptions
    {
        public int MaxAttempts { get; set; }

        public TimeSpan MinBackoff { get; set; }

        public TimeSpan MaxBackoff { get; set; }

        public double RandomFactor { get; set; }

        public TimeSpan SnapshotInProgressDelay { get; set; }
    }

    public sealed class JobOptions
    {
        public OversizePolicy OversizePolicy { get; set; }

        public TimeSpan DefaultTimeout { get; set; }
    }

    public sealed class MixedOptions
    {
        public string Label { get; set; } = string.Empty;

        public TimeSpan Delay { get; set; }

        public TimeSpan Wait { get; set; }

        public TimeSpan Forever { get; set; }

        public TimeSpan? Maybe { get; set; }

        public List<TimeSpan> List { get; set; } = [];
    }
}
