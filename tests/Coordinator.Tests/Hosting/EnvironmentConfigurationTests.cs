using Coordinator.Cli;
using Coordinator.Hosting;
using Coordinator.Tests.Support;

namespace Coordinator.Tests.Hosting;

/// <summary>Environment variables are process-wide: these tests run alone, after the parallel ones, and restore what they set.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "process environment";
}

[Collection(EnvironmentCollection.Name)]
public sealed class EnvironmentConfigurationTests : IDisposable
{
    private static readonly IReadOnlyDictionary<string, string?> NoOverrides = new Dictionary<string, string?>();

    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    private string WriteConfig(string hocon)
    {
        var path = Path.Combine(_env.Directory, "akka.hocon");
        File.WriteAllText(path, hocon);
        return path;
    }

    [Theory]
    [InlineData("coordinator__job__default-timeout")]
    [InlineData("coordinator__job__default_timeout")]
    [InlineData("Coordinator__Job__DefaultTimeout")]
    public void Precedence_is_file_then_appsettings_then_environment_then_command_line(string variable)
    {
        var config = WriteConfig("coordinator.job.default-timeout = 11m\n");
        Assert.Equal(TimeSpan.FromMinutes(11), CoordinatorConfiguration.Load(config, NoOverrides).Actors.Job.DefaultTimeout);

        File.WriteAllText(Path.Combine(_env.Directory, "appsettings.json"), """{ "coordinator": { "job": { "default-timeout": "12m" } } }""");
        Assert.Equal(TimeSpan.FromMinutes(12), CoordinatorConfiguration.Load(config, NoOverrides).Actors.Job.DefaultTimeout);

        using (new EnvironmentVariable(variable, "13m"))
        {
            var fromEnvironment = CoordinatorConfiguration.Load(config, NoOverrides);
            Assert.Equal(TimeSpan.FromMinutes(13), fromEnvironment.Actors.Job.DefaultTimeout);
            Assert.Equal("13m", fromEnvironment.Akka.GetString("coordinator.job.default-timeout"));

            var fromCommandLine = CoordinatorConfiguration.Load(config, new Dictionary<string, string?> { ["coordinator:job:default-timeout"] = "14m" });
            Assert.Equal(TimeSpan.FromMinutes(14), fromCommandLine.Actors.Job.DefaultTimeout);
        }
        Assert.Equal(TimeSpan.FromMinutes(12), CoordinatorConfiguration.Load(config, NoOverrides).Actors.Job.DefaultTimeout);
    }

    [Fact]
    public async Task An_environment_variable_reaches_the_cli_and_its_option_beats_it()
    {
        using var provider = new EnvironmentVariable("coordinator__provider", "windows");

        var fromEnvironment = await _env.RunAsync(["backup", "C:"]);
        Assert.Equal(ExitCodes.Environment, fromEnvironment.ExitCode);
        Assert.Contains("--provider: the Windows VSS provider needs Windows", fromEnvironment.Stderr);

        var fromOption = await _env.RunAsync(["backup", "C:", "--provider", "simulated", "--json"]);
        Assert.Equal(ExitCodes.Succeeded, fromOption.ExitCode);
    }

    [Fact]
    public async Task Two_spellings_of_one_key_in_two_sources_do_not_concatenate_the_later_source_wins_and_the_actors_start()
    {
        // The file says ask-timeout; the environment can only say ask_timeout (a '-' is awkward in a shell variable).
        var config = WriteConfig("akka.actor.ask-timeout = 30s\n");
        using var askTimeout = new EnvironmentVariable("akka__actor__ask_timeout", "7s");

        var loaded = CoordinatorConfiguration.Load(config, NoOverrides);
        Assert.Equal(TimeSpan.FromSeconds(7), loaded.Akka.GetTimeSpan("akka.actor.ask-timeout"));
        Assert.False(loaded.Akka.HasPath("akka.actor.ask_timeout"));

        await using (var actors = await HostedActors.StartAsync(loaded, _env))
        {
            Assert.Equal(TimeSpan.FromSeconds(7), actors.System.Settings.AskTimeout);
        }
        var backup = await _env.RunAsync(["backup", "C:", "--config", config, "--json"]);
        Assert.True(backup.ExitCode == ExitCodes.Succeeded, backup.Stderr);
    }

    [Fact]
    public async Task A_malformed_value_from_the_environment_is_one_bad_input_line_naming_the_key()
    {
        using var jobs = new EnvironmentVariable("coordinator__server__max_concurrent_jobs", "many");

        var run = await _env.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--insecure-no-auth"]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("coordinator: error: ", line);
        Assert.Contains("coordinator.server.max-concurrent-jobs = 'many' is not valid", line);
    }
}

/// <summary>Sets an environment variable for a test and restores what was there before.</summary>
public sealed class EnvironmentVariable : IDisposable
{
    private readonly string _name;
    private readonly string? _previous;

    public EnvironmentVariable(string name, string? value)
    {
        _name = name;
        _previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
}
