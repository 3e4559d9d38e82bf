using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Coordinator.Cli;
using Coordinator.Journal;
using Coordinator.Tests.Support;

namespace Coordinator.Tests.Server;

/// <summary>
/// POST /api/jobs and GET /api/jobs at their edges: unknown members, oversized bodies and values, bad query values,
/// and what the machine refuses (volumes, writers) — all problem details naming the field, none of them queued.
/// </summary>
public sealed class RequestEdgeTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static void AssertNamesField(JsonElement problem, string field) =>
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}' in {problem}");

    private void AssertNothingQueued() => Assert.Empty(new SqliteJournal(_env.JournalPath).ListJobs(10));

    [Fact]
    public async Task An_unknown_member_is_a_400_naming_it_not_a_different_job()
    {
        await using var server = await ServerRun.StartAsync(_env);

        var problem = await Problem(await server.Client.PostAsync("api/jobs", Json("""{"volumes":["C:"],"persistant":true}""")), HttpStatusCode.BadRequest);
        AssertNamesField(problem, "persistant");
        var nested = await Problem(await server.Client.PostAsync("api/jobs", Json("""{"volumes":["C:"],"action":{"program":"true","args":["x"]}}""")), HttpStatusCode.BadRequest);
        Assert.Contains("args", nested.GetProperty("errors").EnumerateObject().Single().Name);

        AssertNothingQueued();
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_problem()
    {
        await using var server = await ServerRun.StartAsync(_env);
        // Kestrel's default limit is 30,000,000 bytes; the server answers on the announced length, before the body.
        var head = $"POST /api/jobs HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\nAuthorization: Bearer {ServerRun.Token}\r\n" +
                   "Content-Type: application/json\r\nContent-Length: 30000100\r\nConnection: close\r\n\r\n{\"volumes\":[\"C:\"],\"timeout\":\"";

        var (status, response) = await RawHttp.SendAsync(server.BaseAddress, Encoding.ASCII.GetBytes(head));

        Assert.Equal(413, status);
        Assert.Contains("Content-Type: application/problem+json", response, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("request body too large", response);
        AssertNothingQueued();
    }

    [Fact]
    public async Task A_huge_invalid_value_is_not_echoed_back()
    {
        await using var server = await ServerRun.StartAsync(_env);
        var huge = new string('x', 10 * 1024 * 1024);

        var response = await server.Client.PostAsync("api/jobs", Json(JsonSerializer.Serialize(new { volumes = new[] { "C:" }, timeout = huge })));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.InRange(text.Length, 1, 4096);
        Assert.Contains("timeout", text);
        var unknown = await server.Client.PostAsync("api/jobs", Json("{\"" + huge + "\":1}"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.InRange((await unknown.Content.ReadAsStringAsync()).Length, 1, 4096);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-5")]
    [InlineData("99999999999999999999")]
    public async Task A_bad_list_limit_is_a_400_naming_limit(string limit)
    {
        await using var server = await ServerRun.StartAsync(_env);

        var problem = await Problem(await server.Client.GetAsync($"api/jobs?limit={Uri.EscapeDataString(limit)}"), HttpStatusCode.BadRequest);

        AssertNamesField(problem, "limit");
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("api/jobs?limit=1000")).StatusCode);
    }

    [Fact]
    public async Task The_api_refuses_before_queueing_what_the_machine_does_not_have()
    {
        await using var server = await ServerRun.StartAsync(_env);

        AssertNamesField(await Problem(await server.Client.PostAsJsonAsync("api/jobs", new { volumes = new[] { "Z:\\" } }), HttpStatusCode.BadRequest), "volumes");
        var many = Enumerable.Range(0, 1000).Select(i => $"C:\\mnt\\v{i}").ToArray();
        var tooMany = await Problem(await server.Client.PostAsJsonAsync("api/jobs", new { volumes = many }), HttpStatusCode.BadRequest);
        AssertNamesField(tooMany, "volumes");
        Assert.Contains("at most 64", tooMany.GetProperty("detail").GetString());
        AssertNamesField(await Problem(await server.Client.PostAsJsonAsync("api/jobs", new { volumes = new[] { "C:" }, includeWriters = new[] { "NoSuchWriter" } }), HttpStatusCode.BadRequest), "includeWriters");
        AssertNamesField(await Problem(await server.Client.PostAsJsonAsync("api/jobs", new { volumes = new[] { "C:" }, excludeWriters = new[] { "NoSuchWriter" } }), HttpStatusCode.BadRequest), "excludeWriters");

        AssertNothingQueued();
        Assert.Equal(0, _env.Host.Accounting.Leaks);
    }

    [Fact]
    public async Task A_known_writer_filter_is_accepted()
    {
        await using var server = await ServerRun.StartAsync(_env);

        var response = await server.Client.PostAsJsonAsync("api/jobs", new { volumes = new[] { "C:" }, excludeWriters = new[] { "SqlServerWriter" } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task The_cli_refuses_an_unknown_volume_before_journaling_a_job()
    {
        var run = await _env.RunAsync(["backup", "Z:"]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("<volume>: volume Z:\\ does not exist on this host", run.Stderr);
        AssertNothingQueued();
    }

    [Fact]
    public async Task An_unknown_path_or_method_gets_problem_details()
    {
        await using var server = await ServerRun.StartAsync(_env);

        await Problem(await server.Client.GetAsync("api/nothing-here"), HttpStatusCode.NotFound);
        await Problem(await server.Client.DeleteAsync("api/jobs"), HttpStatusCode.MethodNotAllowed);
    }
}
