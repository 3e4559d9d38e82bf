using Coordinator.Cli;
using Coordinator.Providers;
using Coordinator.Tests.Support;
using Coordinator.Vss.Simulated;

namespace Coordinator.Tests.Cli;

/// <summary>
/// Input a careless user or an attacker gives: each gets one line on stderr naming the option or setting and exit 2 or
/// 3, never a stack trace, a hang or a crash. Anything else escaping a command is a bug: exit 70, one line, a crash file.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_env.Directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void AssertOneLine(CliRun run, int exitCode, string expected)
    {
        Assert.True(exitCode == run.ExitCode, $"exit {run.ExitCode}, stderr: {run.Stderr}");
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("coordinator: error: ", lines[0]);
        Assert.Contains(expected, lines[0]);
        Assert.DoesNotContain("   at ", run.Stderr + run.Stdout);
    }

    [Theory]
    [InlineData("9223372036854775807ms", "--timeout: '9223372036854775807ms' is too long: at most 30 days")]
    [InlineData("50d", "--timeout: '50d' is too long: at most 30 days")]
    [InlineData("720h1ms", "--timeout: '720h1ms' is too long: at most 30 days")]
    [InlineData("10675199.00:00:00", "is too long: at most 30 days")]
    [InlineData("99999999999999999999999999999999999999d", "is too long: at most 30 days")]
    [InlineData("0.0000001ms", "is not a positive duration")]
    public async Task A_timeout_beyond_the_documented_maximum_is_refused_when_parsed(string timeout, string expected)
    {
        AssertOneLine(await _env.RunAsync(["backup", "C:", "--timeout", timeout]), ExitCodes.BadInput, expected);
        Assert.False(File.Exists(_env.JournalPath), "a job was journaled");
    }

    [Fact]
    public void The_api_timeout_goes_through_the_same_bound()
    {
        var (job, errors) = Coordinator.Jobs.JobRequestValidator.Validate(new Coordinator.Jobs.JobRequest { Volumes = ["C:"], Timeout = "50d" }, "job-1");

        Assert.Null(job);
        Assert.Equal(new Coordinator.Jobs.FieldError("timeout", "'50d' is too long: at most 30 days"), Assert.Single(errors));
    }

    [Fact]
    public void A_timeout_of_megabytes_is_quoted_shortened()
    {
        var (_, errors) = Coordinator.Jobs.JobRequestValidator.Validate(new Coordinator.Jobs.JobRequest { Volumes = ["C:"], Timeout = new string('x', 10_000_000) }, "job-1");

        Assert.True(Assert.Single(errors).Message.Length < 256, "the whole value was echoed");
    }

    [Fact]
    public async Task The_longest_timeout_allowed_runs_the_job()
    {
        var run = await _env.RunAsync(["backup", "C:", "--timeout", "30d", "--json"]);

        Assert.Equal(ExitCodes.Succeeded, run.ExitCode);
    }

    [Theory]
    [InlineData("coordinator.job.default-timeout = 31d", "coordinator.job.default-timeout = '31d' is not valid: expected a duration of at most 30 days")]
    [InlineData("coordinator.retry.max-backoff = 2d", "coordinator.retry.max-backoff = '2d' is not valid: expected a duration of at most 1 day")]
    [InlineData("coordinator.session.timeouts.wait-slice = 2m", "wait-slice = '2m' is not valid: expected a duration of at most 1 minute")]
    [InlineData("coordinator.session.dispatcher = nope", "coordinator.session.dispatcher = 'nope' is not valid: expected the path of a dispatcher")]
    [InlineData("akka.actor.ask-timeout = abc", "the actor system cannot start: The input string 'abc' was not in a correct format. (set in akka.actor.ask-timeout)")]
    [InlineData("akka.coordinated-shutdown.phases.service-stop.timeout = refuse", "akka.coordinated-shutdown.phases.service-stop.timeout = 'refuse' is not valid")]
    [InlineData("akka.loglevel = bogus", "akka.loglevel = 'bogus' is not valid: expected DEBUG, INFO, WARNING, ERROR or OFF")]
    [InlineData("include \"other.conf\"", "line 1, column 1: include is not supported")]
    [InlineData("a { b = ${nope} }", "is not valid HOCON: Unresolved substitution: nope")]
    [InlineData("a = [1, 2 }", "'}' closes the '[' opened at line 1, column 5")]
    public async Task A_bad_config_file_is_one_line_naming_the_setting(string hocon, string expected)
    {
        var config = Write("bad.hocon", hocon + "\n");

        AssertOneLine(await _env.RunAsync(["backup", "C:", "--config", config]), ExitCodes.BadInput, expected);
    }

    [Fact]
    public async Task A_bad_akka_setting_stops_serve_with_exit_2_naming_it()
    {
        var config = Write("bad.hocon", "akka.loglevel = bogus\n");
        var token = Write("token", "test-token-0123456789\n");

        var run = await _env.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--token-file", token, "--config", config]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("coordinator: error: configuration: akka.loglevel = 'bogus' is not valid", run.Stderr);
    }

    [Fact]
    public async Task An_argument_naming_an_unreadable_response_file_is_a_usage_error()
    {
        // Found by the property suite: '@' makes the parser read a file, and a NUL in its name threw past every handler.
        AssertOneLine(await _env.RunAsync(["backup", "C:", "--timeout", "@a\0b"]), ExitCodes.BadInput, "names a response file that cannot be read");
    }

    [Theory]
    [InlineData("--journal")]
    [InlineData("--config")]
    [InlineData("--scenario")]
    public async Task An_empty_file_option_is_refused_rather_than_taken_as_the_default(string option)
    {
        AssertOneLine(await _env.RunAsync(["backup", "C:", option, ""]), ExitCodes.BadInput, $"{option}: the value is empty");
    }

    [Fact]
    public async Task A_scenario_latency_no_duration_can_hold_is_refused_naming_its_path()
    {
        var scenario = Write("s.json", """{ "latencyMs": { "DoSnapshotSet": 1e300 } }""");

        AssertOneLine(await _env.RunAsync(["backup", "C:", "--scenario", scenario]), ExitCodes.BadInput,
            "$.latencyMs.DoSnapshotSet: expected a number of milliseconds from 0 to 86400000 (one day), found 1e300");
    }

    [Theory]
    [InlineData("/dev/full", "it is not a regular file")]
    [InlineData("/proc/nope/s.json", "its directory cannot be written")]
    [InlineData("/tmp", "it is a directory")]
    public async Task An_unusable_persistent_state_file_is_refused_before_any_job_starts(string stateFile, string expected)
    {
        var scenario = Write("s.json", $$"""{ "persistentStateFile": "{{stateFile}}" }""");

        var run = await _env.RunAsync(["backup", "C:", "--persistent", "--scenario", scenario]);

        AssertOneLine(run, ExitCodes.Environment, $"--scenario: scenario '{scenario}': persistentStateFile '{stateFile}' cannot be used: {expected}");
        Assert.False(File.Exists(_env.JournalPath), "the journal was opened: a job could have started");
    }

    [Fact]
    public async Task An_unexpected_exception_is_one_line_exit_70_and_a_crash_file_with_the_details()
    {
        var stderr = new SyncWriter();
        var app = new CliApp(new CliConsole(new SyncWriter(), stderr, interactive: false), new CliDependencies(new ThrowingProviderSource()));

        var exit = await app.RunAsync(["backup", "C:", "--journal", _env.JournalPath], CancellationToken.None);

        Assert.Equal(ExitCodes.InternalError, exit);
        var line = Assert.Single(stderr.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("coordinator: error: internal error: InvalidOperationException: a bug in a provider (a bug in the coordinator; details in ", line);
        Assert.DoesNotContain("   at ", stderr.Text);
        var file = line[(line.IndexOf("details in ", StringComparison.Ordinal) + "details in ".Length)..^1];
        try
        {
            var details = await File.ReadAllTextAsync(file);
            Assert.Contains("System.InvalidOperationException: a bug in a provider", details);
            Assert.Contains("   at ", details);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Terminal_escapes_in_user_input_are_shown_escaped_on_the_terminal_and_json_escaped_in_json()
    {
        var evil = "\u001b[31m";
        var writers = Write("writers.json", $$"""
            { "writers": [ { "name": "Evil{{"\\u001b"}}[31mWriter", "classId": "a65faa63-5ea8-4ebc-9dbd-a0c4db26912a",
                             "instanceId": "a65faa63-5ea8-4ebc-9dbd-a0c4db26912b" } ] }
            """);

        var volume = await _env.RunAsync(["backup", $"C:{evil}"]);
        var program = await _env.RunAsync(["backup", "C:", "--exec", $"/no/such{evil}program"]);
        var human = await _env.RunAsync(["backup", "C:", "--scenario", writers]);
        var json = await _env.RunAsync(["backup", "C:", "--scenario", writers, "--json"]);

        Assert.Equal(ExitCodes.BadInput, volume.ExitCode);
        Assert.Contains("C:\\x1B[31m", volume.Stderr);
        Assert.Contains("/no/such\\x1B[31mprogram", program.Stderr);
        Assert.Equal(ExitCodes.Succeeded, human.ExitCode);
        Assert.Contains("Evil\\x1B[31mWriter", human.Stdout);
        foreach (var run in new[] { volume, program, human, json })
        {
            Assert.DoesNotContain('\u001b', run.Stdout + run.Stderr);
        }
        Assert.Equal(ExitCodes.Succeeded, json.ExitCode);
        Assert.Contains("Evil\\u001B[31mWriter", json.Stdout);
    }

    private sealed class ThrowingProviderSource : IVssProviderSource
    {
        public ProviderHandle Open(ProviderRequest request) => throw new InvalidOperationException("a bug in a provider");
    }
}
