using System.Text.Json;
using Coordinator.ApiClient.Models;
using Coordinator.Tests.Server;
using Coordinator.Tests.Support;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Coordinator.ApiClient.Tests;

/// <summary>
/// The contract proven by a client nobody hand-wrote: Kiota's client for docs/openapi.json (Generated/) against the
/// real server. Each test uses only what the generated client offers, as a script written elsewhere would.
/// </summary>
public sealed class GeneratedClientTests : IDisposable
{
    private readonly TestEnvironment _env = new();
    private readonly List<IDisposable> _adapters = [];

    public void Dispose()
    {
        _adapters.ForEach(a => a.Dispose());
        _env.Dispose();
    }

    private CoordinatorApiClient Client(ServerRun server, string? token = ServerRun.Token)
    {
        IAuthenticationProvider authentication = token is null
            ? new AnonymousAuthenticationProvider()
            : new BaseBearerTokenAuthenticationProvider(new StaticTokenProvider(token));
        var adapter = new HttpClientRequestAdapter(authentication) { BaseUrl = server.BaseAddress.ToString().TrimEnd('/') };
        _adapters.Add(adapter);
        return new CoordinatorApiClient(adapter);
    }

    [Fact]
    public async Task Signs_in_with_the_token_submits_a_job_and_follows_its_events_to_the_result()
    {
        await using var server = await ServerRun.StartAsync(_env);
        var client = Client(server);

        var submitted = await client.Api.Jobs.PostAsync(new JobRequest { Volumes = ["C:", "D:\\"] });
        Assert.Equal("queued", submitted!.Status);
        Assert.Equal($"/api/jobs/{submitted.Id}", submitted.Location);

        await using var stream = await client.Api.Jobs[submitted.Id].Events.GetAsync();
        var events = await ServerEventStream.ReadAllAsync(stream!);

        // The stream is what the contract says: progress events with ids, then one result, last.
        Assert.All(events.SkipLast(1), e => Assert.Equal("progress", e.Name));
        Assert.All(events.SkipLast(1), e => Assert.True(long.TryParse(e.Id, out _)));
        Assert.Contains(events, e => e.Name == "progress" && JsonDocument.Parse(e.Data).RootElement.GetProperty("phase").GetString() == "DoSnapshotSet");
        var last = events[^1];
        Assert.Equal("result", last.Name);
        var result = await KiotaJsonSerializer.DeserializeAsync(last.Data, JsonResultDocument.CreateFromDiscriminatorValue);
        Assert.Equal(submitted.Id, result!.JobId);
        Assert.Equal("succeeded", result.Status);
        Assert.Equal(["C:\\", "D:\\"], result.Volumes!.Select(v => v.Volume));

        var shown = await client.Api.Jobs[submitted.Id].GetAsync();
        Assert.Equal("succeeded", shown!.Status);
        Assert.NotNull(shown.FinishedAt);
        Assert.Equal(result.SnapshotSetId, shown.SnapshotSetId);
    }

    [Fact]
    public async Task Lists_jobs_page_by_page_following_next()
    {
        await using var server = await ServerRun.StartAsync(_env);
        var client = Client(server);
        var ids = new List<string>();
        // Volumes the simulated machine has: the server refuses others before queueing.
        foreach (var volumes in new List<string>[] { ["C:"], ["D:"], ["C:", "D:"] })
        {
            ids.Add((await client.Api.Jobs.PostAsync(new JobRequest { Volumes = volumes }))!.Id!);
        }

        var first = await client.Api.Jobs.GetAsync(r => r.QueryParameters.Limit = 2);
        var second = await client.Api.Jobs.WithUrl(server.BaseAddress.ToString().TrimEnd('/') + first!.Next).GetAsync();

        Assert.Equal([ids[2], ids[1]], first.Jobs!.Select(j => j.Id));
        Assert.Equal([ids[0]], second!.Jobs!.Select(j => j.Id));
        Assert.Null(second.Next);
        Assert.Equal(["C:", "D:"], first.Jobs![0].Volumes);
        Assert.Equal("api", first.Jobs[0].Origin);
    }

    [Fact]
    public async Task Cancels_a_slow_job_which_then_ends_cancelled_and_cannot_be_cancelled_again()
    {
        using var gate = new ActionGate(_env.Directory);
        await using var server = await ServerRun.StartAsync(_env);
        var client = Client(server);
        var submitted = await client.Api.Jobs.PostAsync(new JobRequest
        {
            Volumes = ["C:"],
            Action = new ActionRequest { Program = ActionGate.Program, Arguments = [gate.Fifo] },
        });
        await gate.WaitEnteredAsync();

        var cancel = await client.Api.Jobs[submitted!.Id].Cancel.PostAsync();

        Assert.Equal(submitted.Id, cancel!.Id);
        Assert.Equal("cancelling", cancel.Status);
        await Poll.UntilAsync(async () => (await client.Api.Jobs[submitted.Id].GetAsync())!.Status == "cancelled" ? cancel : null, "the job to end cancelled");
        var again = await Assert.ThrowsAsync<Problem>(() => client.Api.Jobs[submitted.Id].Cancel.PostAsync());
        Assert.Equal(409, again.ResponseStatusCode);
        Assert.Equal(409, again.Status);
        Assert.Contains(submitted.Id!, again.Detail);
        var missing = await Assert.ThrowsAsync<Problem>(() => client.Api.Jobs["no-such-job"].Cancel.PostAsync());
        Assert.Equal(404, missing.ResponseStatusCode);
    }

    [Fact]
    public async Task Reads_a_400_as_a_typed_validation_problem_naming_each_field()
    {
        await using var server = await ServerRun.StartAsync(_env);
        var client = Client(server);

        var problem = await Assert.ThrowsAsync<ValidationProblem>(() =>
            client.Api.Jobs.PostAsync(new JobRequest { Volumes = ["C:", "c:\\"], Timeout = "soon" }));
        var badPage = await Assert.ThrowsAsync<ValidationProblem>(() =>
            client.Api.Jobs.GetAsync(r => r.QueryParameters.Before = "no-such-job"));

        Assert.Equal(400, problem.ResponseStatusCode);
        Assert.Equal(400, problem.Status);
        Assert.False(string.IsNullOrEmpty(problem.Title));
        Assert.Contains("volumes", problem.Errors!.AdditionalData.Keys);
        Assert.Contains("timeout", problem.Errors.AdditionalData.Keys);
        Assert.Equal(["before"], badPage.Errors!.AdditionalData.Keys);
    }

    [Fact]
    public async Task Without_the_token_only_the_health_check_answers()
    {
        await using var server = await ServerRun.StartAsync(_env);
        var anonymous = Client(server, token: null);
        var wrongToken = Client(server, token: "not-the-token");

        var health = await anonymous.Healthz.GetAsync();
        var refused = await Assert.ThrowsAsync<Problem>(() => anonymous.Api.Jobs.GetAsync());
        var wrong = await Assert.ThrowsAsync<Problem>(() => wrongToken.Api.Writers.GetAsync());

        Assert.Equal("ok", health!.Status);
        Assert.Equal(401, refused.ResponseStatusCode);
        Assert.Equal(401, wrong.ResponseStatusCode);
        Assert.Contains(wrong.ResponseHeaders, h => h.Key == "WWW-Authenticate" && h.Value.Contains("Bearer"));
        var writers = await Client(server).Api.Writers.GetAsync();
        Assert.Equal("simulated", writers!.Provider);
        Assert.Contains(writers.Writers!, w => w.Name == "SqlServerWriter");
    }
}
