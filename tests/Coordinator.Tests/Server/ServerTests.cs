using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordinator.Cli;
using Coordinator.Journal;
using Coordinator.Tests.Support;
using Coordinator.Vss;
using Coordinator.Vss.Simulated;

namespace Coordinator.Tests.Server;

public sealed class ServerTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    private static async Task<JsonElement> GetJson(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<JsonElement> WaitForStatus(HttpClient client, string id, params string[] statuses)
    {
        var found = await Poll.UntilAsync<object>(async () =>
        {
            var document = await GetJson(client, $"api/jobs/{id}");
            return statuses.Contains(document.GetProperty("status").GetString()) ? document : null;
        }, $"job {id} to be {string.Join("/", statuses)}");
        return (JsonElement)found;
    }

    private static async Task<string> Submit(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("api/jobs", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Everything_but_healthz_needs_the_bearer_token()
    {
        await using var server = await ServerRun.StartAsync(_env);

        Assert.Equal(HttpStatusCode.OK, (await server.Anonymous.GetAsync("healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Anonymous.GetAsync("api/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Anonymous.GetAsync("openapi/v1.json")).StatusCode);
        server.Anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Anonymous.GetAsync("api/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("api/jobs")).StatusCode);
        Assert.DoesNotContain(ServerRun.Token, server.Output.Text);
    }

    [Fact]
    public async Task Lists_writers()
    {
        await using var server = await ServerRun.StartAsync(_env);

        var writers = await GetJson(server.Client, "api/writers");

        Assert.Equal("simulated", writers.GetProperty("provider").GetString());
        Assert.Contains(writers.GetProperty("writers").EnumerateArray(), w => w.GetProperty("name").GetString() == "SqlServerWriter");
        Assert.Equal(0, _env.Host.Accounting.WrongThreadCalls);
        Assert.Equal(0, _env.Host.Accounting.Leaks);
    }

    [Fact]
    public async Task Serves_an_OpenAPI_document()
    {
        await using var server = await ServerRun.StartAsync(_env);

        var openApi = await GetJson(server.Client, "openapi/v1.json");

        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/jobs", out _));
    }

    [Fact]
    public async Task A_submitted_job_runs_and_its_document_matches_the_cli_json()
    {
        await using var server = await ServerRun.StartAsync(_env);

        var id = await Submit(server.Client, new { volumes = new[] { "C:", "d:\\" } });
        var document = await WaitForStatus(server.Client, id, "succeeded", "failed");

        Assert.Equal("succeeded", document.GetProperty("status").GetString());
        Assert.Equal(2, document.GetProperty("volumes").GetArrayLength());
        Assert.True(document.TryGetProperty("simulator", out _));
        Assert.True(document.TryGetProperty("writers", out _));
        var list = await GetJson(server.Client, "api/jobs");
        Assert.Equal(id, list.GetProperty("jobs")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Invalid_requests_get_400_problem_details_naming_the_field()
    {
        await using var server = await ServerRun.StartAsync(_env);

        var response = await server.Client.PostAsJsonAsync("api/jobs", new
        {
            volumes = new[] { "C:", "c:\\" },
            timeout = "soon",
            action = new { program = "no-such-program-anywhere" },
            provider = "windows",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("volumes", out _));
        Assert.True(errors.TryGetProperty("timeout", out _));
        Assert.True(errors.TryGetProperty("action.program", out _));
        Assert.True(errors.TryGetProperty("provider", out _));

        var malformed = await server.Client.PostAsync("api/jobs", new StringContent("{\"volumes\": 5}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("volumes", await malformed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Events_stream_as_sse_and_end_with_the_result()
    {
        await using var server = await ServerRun.StartAsync(_env);
        var id = await Submit(server.Client, new { volumes = new[] { "C:" } });

        var stream = await server.Client.GetStringAsync($"api/jobs/{id}/events").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("event: progress", stream);
        Assert.Contains("\"phase\":\"DoSnapshotSet\"", stream);
        Assert.Contains("event: result", stream);
        Assert.Contains("\"status\":\"succeeded\"", stream);

        // A reconnecting client sends Last-Event-ID and gets only what it has not seen.
        var lastId = stream.Split('\n').Where(l => l.StartsWith("id: ", StringComparison.Ordinal)).Select(l => long.Parse(l[4..])).Max();
        using var resume = new HttpRequestMessage(HttpMethod.Get, $"api/jobs/{id}/events");
        resume.Headers.Add("Last-Event-ID", (lastId - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var resumed = await (await server.Client.SendAsync(resume)).Content.ReadAsStringAsync();
        Assert.Equal([$"id: {lastId}"], resumed.Split('\n').Where(l => l.StartsWith("id: ", StringComparison.Ordinal)));
        Assert.Contains("event: result", resumed);
    }

    [Fact]
    public async Task Cancel_stops_a_running_job_with_cleanup()
    {
        using var action = new ActionGate(_env.Directory);
        await using var server = await ServerRun.StartAsync(_env);
        var id = await Submit(server.Client, new { volumes = new[] { "C:" }, persistent = true, action = action.Action });
        await action.WaitEnteredAsync();
        Assert.Equal(1, _env.Host.Accounting.PersistentSnapshotsAlive);

        var cancel = await server.Client.PostAsync($"api/jobs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);

        await WaitForStatus(server.Client, id, "cancelled");
        Assert.Equal(0, _env.Host.Accounting.SnapshotsAlive);
        Assert.Equal(0, _env.Host.Accounting.Leaks);
        Assert.Empty(new SqliteJournal(_env.JournalPath).LiveSnapshotSets());
        Assert.Equal(HttpStatusCode.Conflict, (await server.Client.PostAsync($"api/jobs/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.PostAsync("api/jobs/nope/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task Cancelling_a_queued_job_finishes_it_without_running_it()
    {
        using var firstAction = new ActionGate(_env.Directory, "first");
        using var secondAction = new ActionGate(_env.Directory, "second");
        await using var server = await ServerRun.StartAsync(_env, "--max-concurrent-jobs", "1");
        var first = await Submit(server.Client, new { volumes = new[] { "C:" }, action = firstAction.Action });
        var second = await Submit(server.Client, new { volumes = new[] { "D:" }, action = secondAction.Action });
        await firstAction.WaitEnteredAsync();

        var cancel = await server.Client.PostAsync($"api/jobs/{second}/cancel", null);
        var body = JsonDocument.Parse(await cancel.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("cancelled", body.GetProperty("status").GetString());
        firstAction.Release();

        Assert.Equal("succeeded", (await WaitForStatus(server.Client, first, "succeeded", "failed")).GetProperty("status").GetString());
        Assert.Equal("cancelled", (await GetJson(server.Client, $"api/jobs/{second}")).GetProperty("status").GetString());
        // The worker that dequeued it after the first ended skipped it: it never started, made no snapshot.
        using var journal = new SqliteJournal(_env.JournalPath);
        Assert.Null(journal.GetJob(second)!.StartedAt);
        Assert.Empty(journal.GetEvents(second));
        Assert.False(secondAction.Entered);
        Assert.Equal(1, _env.Host.Accounting.CallsOf(VssCallNames.DoSnapshotSet));
    }

    [Fact]
    public async Task Many_jobs_run_with_bounded_concurrency_and_all_finish()
    {
        var actions = Enumerable.Range(0, 5).Select(i => new ActionGate(_env.Directory, $"job{i}")).ToList();
        try
        {
            await using var server = await ServerRun.StartAsync(_env, "--max-concurrent-jobs", "2");
            var ids = new List<string>();
            foreach (var action in actions)
            {
                ids.Add(await Submit(server.Client, new { volumes = new[] { "C:" }, action = action.Action }));
            }

            // Release the actions one at a time, each once two are running (fewer at the end): never more than two
            // run at once, and the others wait in the queue.
            var released = 0;
            var peak = 0;
            while (released < actions.Count)
            {
                var expected = Math.Min(2, actions.Count - released);
                await Poll.UntilAsync(() => actions.Count(a => a.Entered && !a.Released) >= expected, $"{expected} actions to run");
                peak = Math.Max(peak, actions.Count(a => a.Entered && !a.Released));
                if (released == 0)
                {
                    var queued = (await GetJson(server.Client, "api/jobs")).GetProperty("jobs").EnumerateArray().Count(j => j.GetProperty("status").GetString() == "queued");
                    Assert.Equal(3, queued);
                }
                actions.First(a => a.Entered && !a.Released).Release();
                released++;
            }

            foreach (var id in ids)
            {
                Assert.Equal("succeeded", (await WaitForStatus(server.Client, id, "succeeded", "failed")).GetProperty("status").GetString());
            }
            Assert.Equal(2, peak);
        }
        finally
        {
            actions.ForEach(a => a.Dispose());
        }
    }

    [Fact]
    public async Task Shutdown_cancels_running_jobs_with_cleanup_and_keeps_queued_ones_for_the_restart()
    {
        using var action = new ActionGate(_env.Directory);
        var server = await ServerRun.StartAsync(_env, "--max-concurrent-jobs", "1");
        var running = await Submit(server.Client, new { volumes = new[] { "C:" }, persistent = true, action = action.Action });
        var waiting = await Submit(server.Client, new { volumes = new[] { "D:" } });
        await action.WaitEnteredAsync();

        var stopped = await server.StopAsync();
        await server.DisposeAsync();

        Assert.Equal(ExitCodes.Succeeded, stopped.ExitCode);
        using var journal = new SqliteJournal(_env.JournalPath);
        Assert.Equal(JobStates.Cancelled, journal.GetJob(running)!.Status);
        Assert.Equal(JobStates.Queued, journal.GetJob(waiting)!.Status);
        Assert.Equal(0, _env.Host.Accounting.SnapshotsAlive);
        Assert.Equal(0, _env.Host.Accounting.Leaks);
        Assert.Empty(journal.LiveSnapshotSets());

        await using var restarted = await ServerRun.StartAsync(_env);
        Assert.Equal("succeeded", (await WaitForStatus(restarted.Client, waiting, "succeeded", "failed")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Refuses_to_start_without_a_token()
    {
        var run = await _env.RunAsync(["serve", "--urls", "http://127.0.0.1:0"]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("no bearer token", run.Stderr);
    }

    [Fact]
    public async Task Insecure_mode_is_loopback_only()
    {
        var run = await _env.RunAsync(["serve", "--urls", "http://0.0.0.0:0", "--insecure-no-auth"]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("only allowed on loopback", run.Stderr);
    }

    [Fact]
    public async Task The_jobs_client_submits_lists_shows_and_cancels()
    {
        await using var server = await ServerRun.StartAsync(_env);
        string[] auth = ["--server", server.BaseAddress.ToString(), "--token", ServerRun.Token];

        var submit = await _env.RunAsync(["jobs", "submit", "C:", .. auth]);
        Assert.Equal(ExitCodes.Succeeded, submit.ExitCode);
        var id = submit.Stdout.Trim();
        await WaitForStatus(server.Client, id, "succeeded");

        var show = await _env.RunAsync(["jobs", "show", id, "--json", .. auth]);
        Assert.Equal(ExitCodes.Succeeded, show.ExitCode);
        Assert.Equal(id, JsonDocument.Parse(show.Stdout).RootElement.GetProperty("jobId").GetString());

        var list = await _env.RunAsync(["jobs", "list", .. auth]);
        Assert.Contains(id, list.Stdout);

        var cancelFinished = await _env.RunAsync(["jobs", "cancel", id, .. auth]);
        Assert.Equal(ExitCodes.BadInput, cancelFinished.ExitCode);
        Assert.Contains("already finished", cancelFinished.Stderr);

        var badToken = await _env.RunAsync(["jobs", "list", "--server", server.BaseAddress.ToString(), "--token", "nope"]);
        Assert.Equal(ExitCodes.BadInput, badToken.ExitCode);
        Assert.Contains("refused the token", badToken.Stderr);

        var invalid = await _env.RunAsync(["jobs", "submit", "C:", "C:", .. auth]);
        Assert.Equal(ExitCodes.BadInput, invalid.ExitCode);
        Assert.Contains("given twice", invalid.Stderr);
    }
}
