using Akka.Actor;
using Akka.Configuration;
using Coordinator.Actors;
using Coordinator.Cli;
using Coordinator.Hosting;
using Coordinator.Journal;
using Coordinator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Coordinator.Tests.Hosting;

/// <summary>
/// The one configuration: config/akka.hocon parsed by Akka's parser, appsettings.json beside it and the command line
/// in front, bound to the actors' settings and the executable's options, and the same config creating the actor
/// system. (Environment variables: <see cref="EnvironmentConfigurationTests"/>, which may not run in parallel.)
/// </summary>
public sealed class ConfigurationTests : IDisposable
{
    private static readonly IReadOnlyDictionary<string, string?> NoOverrides = new Dictionary<string, string?>();

    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    private string WriteConfig(string hocon, string name = "akka.hocon")
    {
        var path = Path.Combine(_env.Directory, name);
        File.WriteAllText(path, hocon);
        return path;
    }

    [Fact]
    public async Task The_journal_defaults_to_the_file_named_in_the_hocon_config()
    {
        var configured = Path.Combine(_env.Directory, "from-hocon.db");
        var config = WriteConfig($"coordinator {{\n  journal = \"{configured}\"\n}}\n");
        var stdout = new SyncWriter();
        var app = new CliApp(new CliConsole(stdout, new SyncWriter(), interactive: false), _env.Dependencies);

        var exit = await app.RunAsync(["backup", "C:", "--config", config, "--json"], CancellationToken.None); // no --journal

        Assert.Equal(ExitCodes.Succeeded, exit);
        Assert.True(File.Exists(configured), "the journal named in the HOCON file was not used");
        Assert.Single(new SqliteJournal(configured).ListJobs());
    }

    [Fact]
    public async Task The_command_line_beats_the_config_file()
    {
        var config = WriteConfig("coordinator { provider = windows }\n");

        var fromFile = await _env.RunAsync(["backup", "C:", "--config", config]);
        Assert.Equal(ExitCodes.Environment, fromFile.ExitCode);
        Assert.Contains("--provider: the Windows VSS provider needs Windows", fromFile.Stderr);

        var overridden = await _env.RunAsync(["backup", "C:", "--config", config, "--provider", "simulated", "--json"]);
        Assert.Equal(ExitCodes.Succeeded, overridden.ExitCode);
    }

    [Fact]
    public async Task Kebab_case_keys_of_the_file_bind_to_the_settings_including_the_nested_sections()
    {
        var config = WriteConfig("""
            coordinator {
              journal-flush-interval = 25ms
              session { timeouts { do-snapshot-set = 42s, wait-slice = 7ms } }
              gate { dispatcher = "akka.actor.default-dispatcher" }
              retry { max-attempts = 7, min-backoff = 3s, snapshot-in-progress-delay = 250ms }
              server { max-concurrent-jobs = 9, shutdown-timeout = 17s }
              job { default-timeout = 12m, oversize-policy = split }
            }
            """);

        await using var host = CommandHost.Create(_env.Dependencies, config, NoOverrides, verbose: false);

        var actors = host.Config.Actors;
        Assert.Equal(TimeSpan.FromSeconds(42), actors.Timeouts.DoSnapshotSet);
        Assert.Equal(TimeSpan.FromMilliseconds(7), actors.Timeouts.WaitSlice);
        Assert.Equal("akka.actor.default-dispatcher", actors.GateDispatcher);
        Assert.Equal(7, actors.Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(3), actors.Retry.MinBackoff);
        Assert.Equal(TimeSpan.FromMilliseconds(250), actors.Retry.SnapshotInProgressDelay);
        Assert.Equal(TimeSpan.FromMinutes(12), actors.Job.DefaultTimeout);
        Assert.Equal(OversizePolicy.Split, actors.Job.OversizePolicy);
        Assert.Equal(9, host.Config.Options.Server.MaxConcurrentJobs);
        Assert.Equal(TimeSpan.FromSeconds(17), host.Config.Options.Server.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(25), host.Config.Options.JournalFlushInterval);
        // What the file does not say keeps the code's default.
        Assert.Equal(new OperationTimeouts().GatherWriterMetadata, actors.Timeouts.GatherWriterMetadata);
    }

    [Fact]
    public void The_shipped_config_states_the_same_defaults_as_the_code()
    {
        // config/akka.hocon documents the defaults; a file that drifted from the code would mislead whoever reads it.
        // The copy the build puts beside the executable, which is the file users get.
        var shipped = CoordinatorConfiguration.Load(CoordinatorConfiguration.DefaultConfigPath, NoOverrides);

        Assert.Equal(new CoordinatorSettings(), shipped.Actors);
        Assert.Equal(new CoordinatorOptions(), shipped.Options);
    }

    [Fact]
    public void The_shipped_config_states_every_setting_the_code_reads()
    {
        // Equal defaults prove nothing about a key the file leaves out: the code's default would fill it in.
        var file = ConfigurationFactory.ParseString(File.ReadAllText(CoordinatorConfiguration.DefaultConfigPath));
        string[] keys =
        [
            "provider", "journal-flush-interval", "session.dispatcher", "gate.dispatcher",
            "session.timeouts.gather-writer-metadata", "session.timeouts.prepare-for-backup", "session.timeouts.do-snapshot-set",
            "session.timeouts.backup-complete", "session.timeouts.gather-writer-status", "session.timeouts.wait-slice",
            "retry.max-attempts", "retry.min-backoff", "retry.max-backoff", "retry.random-factor", "retry.snapshot-in-progress-delay",
            "server.urls", "server.max-concurrent-jobs", "server.shutdown-timeout", "server.require-private-token-file", "server.allowed-programs",
            "job.oversize-policy", "job.default-timeout",
        ];

        var missing = keys.Where(k => !file.HasPath("coordinator." + k)).ToList();
        Assert.True(missing.Count == 0, "config/akka.hocon does not state: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_shipped_dispatchers_say_what_the_built_in_fallback_says()
    {
        // The fallback stands in where the file is absent (tests, other hosts); both must describe the same dispatchers.
        var file = ConfigurationFactory.ParseString(File.ReadAllText(CoordinatorConfiguration.DefaultConfigPath));
        var fallback = ConfigurationFactory.ParseString(DispatcherConfig.Hocon);

        foreach (var dispatcher in new[] { DispatcherConfig.SessionDispatcherId, DispatcherConfig.GateDispatcherId })
        {
            foreach (var (key, _) in fallback.GetConfig(dispatcher).AsEnumerable())
            {
                Assert.Equal((dispatcher, key, fallback.GetString($"{dispatcher}.{key}")), (dispatcher, key, file.GetString($"{dispatcher}.{key}")));
            }
        }
    }

    [Fact]
    public void Appsettings_json_beside_the_file_beats_the_file_and_the_command_line_beats_both()
    {
        var config = WriteConfig("""
            coordinator {
              job { default-timeout = 11m }
              server { max-concurrent-jobs = 2, urls = "http://127.0.0.1:1" }
            }
            """);
        File.WriteAllText(Path.Combine(_env.Directory, "appsettings.json"),
            """{ "Coordinator": { "Job": { "DefaultTimeout": "12m" }, "Server": { "max_concurrent_jobs": "3" } } }""");

        var withoutCommandLine = CoordinatorConfiguration.Load(config, NoOverrides);
        Assert.Equal(TimeSpan.FromMinutes(12), withoutCommandLine.Actors.Job.DefaultTimeout);
        Assert.Equal(3, withoutCommandLine.Options.Server.MaxConcurrentJobs);
        Assert.Equal("http://127.0.0.1:1", withoutCommandLine.Options.Server.Urls); // said only by the file

        var withCommandLine = CoordinatorConfiguration.Load(config, new Dictionary<string, string?>
        {
            ["coordinator:job:default-timeout"] = "14m",
            ["coordinator:server:max-concurrent-jobs"] = "5",
        });
        Assert.Equal(TimeSpan.FromMinutes(14), withCommandLine.Actors.Job.DefaultTimeout);
        Assert.Equal(5, withCommandLine.Options.Server.MaxConcurrentJobs);
        // One key, whatever its spelling in each source: the overrides replaced it rather than adding a second key.
        Assert.False(withCommandLine.Akka.HasPath("coordinator.job.DefaultTimeout"));
        Assert.False(withCommandLine.Akka.HasPath("coordinator.server.max_concurrent_jobs"));
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "coordinator.job.default-timeout = soon", "coordinator.job.default-timeout = 'soon' is not valid: expected a duration" },
        { "coordinator.job.oversize-policy = sometimes", "coordinator.job.oversize-policy = 'sometimes' is not valid: expected refuse | split" },
        { "coordinator.retry.max-attempts = 0", "coordinator.retry.max-attempts = '0' is not valid: expected a whole number" },
        { "coordinator.session.timeouts.wait-slice = -5ms", "coordinator.session.timeouts.wait-slice = '-5ms' is not valid" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_value_in_the_file_is_one_bad_input_line_naming_the_key(string hocon, string expected)
    {
        var config = WriteConfig(hocon + "\n");

        var run = await _env.RunAsync(["backup", "C:", "--config", config, "--json"]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("coordinator: error: ", line);
        Assert.Contains(expected, line);
        Assert.Equal("", run.Stdout);
        Assert.Equal(0, _env.Host.Accounting.ObjectsCreated); // refused before anything touched the provider
    }

    // Akka's parser takes the first two as if they were complete; the third's string would run to the end of its line.
    [Theory]
    [InlineData("coordinator {\n  job { default-timeout = 5m }\n", "line 1, column 13: '{' is never closed")]
    [InlineData("coordinator { job { default-timeout = 5m } }\n}\n", "line 2, column 1: '}' closes nothing")]
    [InlineData("coordinator { provider = \"simulated }\n", "line 1, column 26: the quoted string is not closed on its line")]
    [InlineData("# a comment's { and \"\ncoordinator { journal = \"x}.db\" } // }\n}\n", "line 3, column 1: '}' closes nothing")]
    public async Task A_config_file_that_is_not_hocon_is_one_bad_input_line_naming_the_file_and_the_place(string hocon, string where)
    {
        var config = WriteConfig(hocon);

        var run = await _env.RunAsync(["backup", "C:", "--config", config]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"coordinator: error: config file '{config}' is not valid HOCON: {where}", line);
        Assert.Equal(0, _env.Host.Accounting.ObjectsCreated);
    }

    [Fact]
    public async Task An_array_closed_by_a_brace_is_bad_input_not_a_runaway_parse()
    {
        // Given to Akka's parser, this allocates until the OOM killer ends the process. The child runs with a 4 GB
        // address-space limit, so a regression fails this test instead of taking the machine's memory.
        var config = WriteConfig("coordinator { job = [ 1, 2 }\n");
        var coordinator = Path.Combine(AppContext.BaseDirectory, "coordinator.dll");
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-c", "ulimit -v 4000000 && exec dotnet \"$0\" \"$@\"", coordinator, "backup", "C:", "--config", config, "--journal", _env.JournalPath })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.Equal(ExitCodes.BadInput, process.ExitCode);
        Assert.Equal($"coordinator: error: config file '{config}' is not valid HOCON: line 1, column 28: '}}' closes the '[' opened at line 1, column 21",
            (await stderr).Trim());
        Assert.Equal("", (await stdout).Trim());
    }

    [Fact]
    public async Task A_missing_config_file_is_bad_input()
    {
        var run = await _env.RunAsync(["backup", "C:", "--config", "/no/such.hocon"]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--config: file '/no/such.hocon' does not exist", run.Stderr);
    }

    [Fact]
    public async Task The_akka_section_of_the_file_configures_the_session_threads()
    {
        var config = WriteConfig("""akka.actor.vss-session-dispatcher.thread-name-prefix = "custom-vss" """ + "\n");
        var source = new ThreadRecordingProviderSource(_env.Host);
        var stdout = new SyncWriter();
        var stderr = new SyncWriter();
        var app = new CliApp(new CliConsole(stdout, stderr, interactive: false), new CliDependencies(source));

        var exit = await app.RunAsync(["backup", "C:", "--config", config, "--journal", _env.JournalPath, "--json"], CancellationToken.None);

        Assert.True(exit == ExitCodes.Succeeded, stderr.Text);
        // Recovery's object is made on a thread of its own; the backup's by the session, on the configured dispatcher.
        var threads = source.CreatingThreads;
        Assert.Contains(threads, t => t is not null && t.StartsWith("custom-vss-", StringComparison.Ordinal));
        Assert.DoesNotContain(threads, t => t is not null && t.StartsWith("vss-session", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_akka_section_of_the_file_reaches_the_actor_system_settings()
    {
        var config = WriteConfig("""
            akka.loglevel = WARNING
            akka.actor.ask-timeout = 13s
            """);
        var loaded = CoordinatorConfiguration.Load(config, NoOverrides);

        await using var actors = await HostedActors.StartAsync(loaded, _env);

        Assert.Equal(TimeSpan.FromSeconds(13), actors.System.Settings.AskTimeout);
        Assert.Equal("WARNING", actors.System.Settings.LogLevel, ignoreCase: true);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Akkas_logger_of_last_resort_writes_to_stderr_with_or_without_the_shipped_file(bool shipped)
    {
        // Akka falls back to it before its loggers start and while it shuts down; its own writes to stdout, which
        // `backup --json` keeps for one JSON document.
        var path = shipped ? CoordinatorConfiguration.DefaultConfigPath : Path.Combine(_env.Directory, "absent.hocon");
        var loaded = CoordinatorConfiguration.Load(path, NoOverrides);

        await using var actors = await HostedActors.StartAsync(loaded, _env);

        Assert.IsType<StandardErrorLogger>(actors.System.Settings.StdoutLogger);
    }

    [Fact]
    public void The_logger_of_last_resort_writes_one_line_per_event_with_its_level_and_source()
    {
        var written = new StringWriter();
        var logger = new StandardErrorLogger(written);

        logger.Tell(new Akka.Event.Warning("akka://coordinator/system/cs", typeof(ConfigurationTests), "CoordinatedShutdown ran"));

        var line = Assert.Single(written.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("[WARNING] akka://coordinator/system/cs: ", line);
        Assert.Contains("CoordinatedShutdown ran", line);
    }
}

/// <summary>The actor system as the CLI and the server host it (Akka.Hosting over the merged config), for inspection.</summary>
internal sealed class HostedActors : IAsyncDisposable
{
    private readonly IHost _host;

    private HostedActors(IHost host)
    {
        _host = host;
        System = host.Services.GetRequiredService<ActorSystem>();
    }

    public ActorSystem System { get; }

    public static async Task<HostedActors> StartAsync(CoordinatorConfig config, TestEnvironment env)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddCoordinatorActors(config, env.Provider, SqliteJournal.Open(env.JournalPath));
        var host = builder.Build();
        await host.StartAsync();
        return new HostedActors(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
