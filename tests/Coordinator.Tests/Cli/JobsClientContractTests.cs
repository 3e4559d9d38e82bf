using System.Text.Json;
using System.Text.Json.Nodes;
using Coordinator.Cli;
using Coordinator.Output;
using Coordinator.Server;
using Coordinator.Tests.Server;
using Coordinator.Tests.Support;

namespace Coordinator.Tests.Cli;

/// <summary>
/// The CLI's <c>jobs</c> client speaks the documented contract (docs/openapi.json, which a server test keeps equal to
/// the served document): only documented operations, only documented fields.
/// </summary>
public sealed class JobsClientContractTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    private static JsonNode Contract() => JsonNode.Parse(File.ReadAllText(Repository.PathOf(ApiContractTests.CheckedInPath)))!;

    [Fact]
    public void The_jobs_client_calls_only_documented_operations()
    {
        var paths = Contract()["paths"]!.AsObject();

        Assert.All(ServerApiPaths.Operations, operation =>
            Assert.True(paths[operation.Template]?[operation.Method] is not null, $"{operation.Method} {operation.Template} is not in the contract"));
    }

    /// <summary>Every type the client reads from the server is a schema of the contract with exactly its fields.</summary>
    [Theory]
    [InlineData(typeof(SubmittedJob))]
    [InlineData(typeof(JobList))]
    [InlineData(typeof(JobSummary))]
    [InlineData(typeof(JsonResultDocument))]
    [InlineData(typeof(CancelResult))]
    [InlineData(typeof(Problem))]
    public void The_jobs_client_reads_only_documented_fields(Type read)
    {
        var schema = Contract()["components"]!["schemas"]![read.Name];

        Assert.NotNull(schema);
        var documented = schema["properties"]!.AsObject().Select(p => p.Key).Order();
        var fields = JsonDefaults.Options.GetTypeInfo(read).Properties.Select(p => p.Name).Order();
        Assert.Equal(documented, fields);
    }

    [Fact]
    public async Task The_jobs_client_lists_the_first_page_as_an_array_and_cancels_a_running_job()
    {
        using var action = new ActionGate(_env.Directory);
        await using var server = await ServerRun.StartAsync(_env);
        string[] auth = ["--server", server.BaseAddress.ToString(), "--token", ServerRun.Token];
        var id = (await _env.RunAsync(["jobs", "submit", "C:", .. action.ExecOptions, .. auth])).Stdout.Trim();
        await action.WaitEnteredAsync();

        var list = await _env.RunAsync(["jobs", "list", "--json", .. auth]);
        var cancel = await _env.RunAsync(["jobs", "cancel", id, .. auth]);

        Assert.Equal(ExitCodes.Succeeded, list.ExitCode);
        var jobs = JsonDocument.Parse(list.Stdout).RootElement;
        Assert.Equal(JsonValueKind.Array, jobs.ValueKind);
        Assert.Equal(id, jobs[0].GetProperty("id").GetString());
        Assert.Equal("running", jobs[0].GetProperty("status").GetString());
        Assert.Equal(ExitCodes.Succeeded, cancel.ExitCode);
        Assert.Equal($"{id}: cancelling", cancel.Stdout.Trim());
    }
}
