using Coordinator.Cli;
using Coordinator.Tests.Fakes;

namespace Coordinator.Tests.Cli;

public sealed class ConfigurationTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Fact]
    public async Task The_journal_defaults_to_the_file_named_in_the_hocon_config()
    {
        var configured = Path.Combine(_env.Directory, "from-hocon.db");
        var config = Path.Combine(_env.Directory, "akka.hocon");
        await File.WriteAllTextAsync(config, $"coordinator {{\n  journal = \"{configured}\"\n}}\n");

        var backup = await new TestEnvironmentWithoutJournal(_env).RunBackupAsync(config);
        Assert.Equal(ExitCodes.Succeeded, backup.ExitCode);
        Assert.True(File.Exists(configured), "the journal named in the HOCON file was not used");
    }

    [Fact]
    public async Task The_command_line_beats_the_config_file()
    {
        var config = Path.Combine(_env.Directory, "akka.hocon");
        await File.WriteAllTextAsync(config, "coordinator { provider = windows }\n");

        var fromFile = await _env.RunAsync(["backup", "C:", "--config", config]);
        Assert.Equal(ExitCodes.Environment, fromFile.ExitCode);

        var overridden = await _env.RunAsync(["backup", "C:", "--config", config, "--provider", "simulated", "--json"]);
        Assert.Equal(ExitCodes.Succeeded, overridden.ExitCode);
    }

    [Fact]
    public async Task The_actor_settings_bind_from_the_hocon_file_including_the_nested_session_and_gate_sections()
    {
        var config = Path.Combine(_env.Directory, "akka.hocon");
        await File.WriteAllTextAsync(config, """
            coordinator {
              session { timeouts { do-snapshot-set = 42s, wait-slice = 7ms } }
              gate { dispatcher = "akka.actor.default-dispatcher" }
              retry { max-attempts = 7, min-backoff = 3s }
              job { default-timeout = 12m }
            }
            """);

        using var host = CommandHost.Create(_env.Dependencies, config, new Dictionary<string, string?>(), verbose: false);

        Assert.Equal(TimeSpan.FromSeconds(42), host.Settings.Timeouts.DoSnapshotSet);
        Assert.Equal(TimeSpan.FromMilliseconds(7), host.Settings.Timeouts.WaitSlice);
        Assert.Equal("akka.actor.default-dispatcher", host.Settings.GateDispatcher);
        Assert.Equal(7, host.Settings.Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(3), host.Settings.Retry.MinBackoff);
        Assert.Equal(TimeSpan.FromMinutes(12), host.Settings.Job.DefaultTimeout);
    }

    [Fact]
    public void The_shipped_config_states_the_same_server_and_actor_defaults_as_the_code()
    {
        // config/akka.hocon documents the defaults; a file that drifted from the code would mislead whoever reads it.
        // The copy the build puts beside the executable, which is the file users get.
        using var host = CommandHost.Create(_env.Dependencies, Coordinator.Hosting.CoordinatorConfiguration.DefaultConfigPath, new Dictionary<string, string?>(), verbose: false);
        var server = new Coordinator.Hosting.ServerOptions();
        var settings = new Coordinator.Actors.CoordinatorSettings();

        Assert.Equal(server.Urls, host.Options.Server.Urls);
        Assert.Equal(server.MaxConcurrentJobs, host.Options.Server.MaxConcurrentJobs);
        Assert.Equal(server.ShutdownTimeout, host.Options.Server.ShutdownTimeout);
        Assert.Null(host.Options.Server.TokenFile);
        Assert.Equal(settings.SessionDispatcher, host.Settings.SessionDispatcher);
        Assert.Equal(settings.GateDispatcher, host.Settings.GateDispatcher);
        Assert.Equal(settings.Timeouts.WaitSlice, host.Settings.Timeouts.WaitSlice);
        Assert.Equal(settings.Retry.MaxAttempts, host.Settings.Retry.MaxAttempts);
        Assert.Equal(settings.Job.DefaultTimeout, host.Settings.Job.DefaultTimeout);
    }

    [Fact]
    public async Task A_missing_config_file_is_bad_input()
    {
        var run = await _env.RunAsync(["backup", "C:", "--config", "/no/such.hocon"]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--config: file '/no/such.hocon' does not exist", run.Stderr);
    }

    /// <summary>Runs backup without the test's --journal so the configured one applies.</summary>
    private sealed class TestEnvironmentWithoutJournal(TestEnvironment env)
    {
        public async Task<CliRun> RunBackupAsync(string config)
        {
            var stdout = new SyncWriter();
            var stderr = new SyncWriter();
            var app = new CliApp(new CliConsole(stdout, stderr, interactive: false), env.Dependencies);
            var exit = await app.RunAsync(["backup", "C:", "--config", config, "--json"], CancellationToken.None);
            return new CliRun(exit, stdout.Text, stderr.Text);
        }
    }
}
