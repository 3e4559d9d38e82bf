using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordinator.Cli;
using Coordinator.Core;
using Coordinator.Hosting;
using Coordinator.Journal;
using Coordinator.Tests.Support;

namespace Coordinator.Tests.Server;

/// <summary>coordinator.server.allowed-programs: what an API job may run when the list is set.</summary>
public sealed class AllowedProgramsTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    private string Config(string hocon)
    {
        var path = Path.Combine(_env.Directory, "akka.hocon");
        File.WriteAllText(path, hocon);
        return path;
    }

    [Fact]
    public async Task A_program_not_on_the_list_is_a_400_naming_the_program_and_one_on_it_runs()
    {
        await using var server = await ServerRun.StartAsync(_env, "--config", Config("coordinator.server.allowed-programs = [\"true\"]\n"));

        var refused = await server.Client.PostAsJsonAsync("api/jobs", new { volumes = new[] { "C:" }, action = new { program = "echo", arguments = new[] { "hi" } } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("allowed-programs", errors.GetProperty("action.program")[0].GetString());
        Assert.Empty(new SqliteJournal(_env.JournalPath).ListJobs(10));

        // The same program by another spelling is the same program.
        var trueOnPath = Environment.GetEnvironmentVariable("PATH")!.Split(Path.PathSeparator).Select(d => Path.Combine(d, "true")).First(File.Exists);
        foreach (var program in new[] { "true", trueOnPath })
        {
            var accepted = await server.Client.PostAsJsonAsync("api/jobs", new { volumes = new[] { "C:" }, action = new { program } });
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }
        Assert.Contains("programs limited", server.Output.Text);
    }

    [Fact]
    public async Task An_allowed_program_that_does_not_exist_stops_serve_at_start()
    {
        var run = await _env.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--insecure-no-auth", "--config",
            Config("coordinator.server.allowed-programs = [\"no-such-program-anywhere\"]\n")]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("coordinator.server.allowed-programs", run.Stderr);
        Assert.Contains("no-such-program-anywhere", run.Stderr);
    }

    [Fact]
    public void From_the_environment_or_appsettings_the_list_is_semicolon_separated()
    {
        // Environment variables and appsettings.json reach the config as strings, through the same overrides as these.
        var overrides = new Dictionary<string, string?> { ["coordinator:server:allowed-programs"] = "/usr/bin/restic; true ;" };

        var options = CoordinatorConfiguration.Load(Config("coordinator.server.allowed-programs = []\n"), overrides).Options;

        Assert.Equal(["/usr/bin/restic", "true"], options.Server.AllowedPrograms);
    }

    [Fact]
    public void A_bad_require_private_token_file_value_names_the_setting()
    {
        var error = Assert.Throws<CoordinatorException>(() =>
            CoordinatorConfiguration.Load(Config("coordinator.server.require-private-token-file = maybe\n"), new Dictionary<string, string?>()));

        Assert.Contains("coordinator.server.require-private-token-file = 'maybe'", error.Message);
    }

    [Fact]
    public async Task An_empty_list_allows_any_program()
    {
        await using var server = await ServerRun.StartAsync(_env, "--config", Config("coordinator.server.allowed-programs = []\n"));

        var accepted = await server.Client.PostAsJsonAsync("api/jobs", new { volumes = new[] { "C:" }, action = new { program = "echo" } });

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.DoesNotContain("programs limited", server.Output.Text);
    }
}
