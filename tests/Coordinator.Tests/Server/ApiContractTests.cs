using System.Net;
using System.Text.Json.Nodes;
using Coordinator.Tests.Support;

namespace Coordinator.Tests.Server;

/// <summary>
/// The served OpenAPI document is the API's contract: under version control (docs/openapi.json), complete (security,
/// summaries, typed answers, problem details for every error), and true (the server enforces what it declares).
/// </summary>
public sealed class ApiContractTests : IDisposable
{
    public const string UpdateVariable = "UPDATE_OPENAPI";
    public const string CheckedInPath = "docs/openapi.json";

    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    public static async Task<string> ServedDocumentAsync(ServerRun server) =>
        (await server.Client.GetStringAsync("openapi/v1.json")).ReplaceLineEndings("\n");

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Select(op => (path.Key, op.Key, op.Value!.AsObject())));

    [Fact]
    public async Task The_served_document_is_the_checked_in_docs_openapi_json()
    {
        await using var server = await ServerRun.StartAsync(_env);
        var served = await ServedDocumentAsync(server);
        var file = Repository.PathOf(CheckedInPath);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(file, served);
        }

        Assert.True(File.Exists(file) && (await File.ReadAllTextAsync(file)).ReplaceLineEndings("\n") == served,
            $"The served OpenAPI document differs from {CheckedInPath}. If the change is intended and compatible (docs/api.md), " +
            $"run the tests with {UpdateVariable}=1 to rewrite it, then tools/generate-client.sh, and commit both.");
    }

    [Fact]
    public async Task Every_operation_has_an_id_a_summary_a_description_and_its_errors_as_problem_details()
    {
        await using var server = await ServerRun.StartAsync(_env);
        var document = JsonNode.Parse(await ServedDocumentAsync(server))!;

        var operations = Operations(document).ToList();
        Assert.NotEmpty(operations);
        foreach (var (path, method, operation) in operations)
        {
            var where = $"{method.ToUpperInvariant()} {path}";
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["operationId"]), $"{where}: operationId");
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["summary"]), $"{where}: summary");
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["description"]), $"{where}: description");
            foreach (var (status, response) in operation["responses"]!.AsObject())
            {
                var content = response!["content"]?.AsObject();
                Assert.True(content is { Count: > 0 }, $"{where} {status}: no body schema");
                if (int.Parse(status, System.Globalization.CultureInfo.InvariantCulture) >= 400)
                {
                    var (mediaType, media) = Assert.Single(content);
                    Assert.Equal("application/problem+json", mediaType);
                    Assert.Contains((string?)media!["schema"]!["$ref"], new[] { "#/components/schemas/Problem", "#/components/schemas/ValidationProblem" });
                }
            }
            if (operation["requestBody"] is { } body)
            {
                Assert.True(body["content"]!["application/json"]!["examples"]?.AsObject() is { Count: > 0 }, $"{where}: request body examples");
            }
        }
    }

    [Fact]
    public async Task Every_operation_but_the_health_check_declares_the_bearer_token_and_the_server_demands_it()
    {
        await using var server = await ServerRun.StartAsync(_env);
        var document = JsonNode.Parse(await ServedDocumentAsync(server))!;

        Assert.Equal("http", (string?)document["components"]!["securitySchemes"]!["bearer"]!["type"]);
        Assert.Equal("bearer", (string?)document["components"]!["securitySchemes"]!["bearer"]!["scheme"]);
        Assert.NotNull(document["security"]![0]!["bearer"]);
        var anonymous = new List<string>();
        foreach (var (path, method, operation) in Operations(document))
        {
            var open = operation["security"] is JsonArray { Count: 0 };
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path.TrimStart('/').Replace("{id}", "some-job", StringComparison.Ordinal));
            var response = await server.Anonymous.SendAsync(request);
            if (open)
            {
                anonymous.Add($"{method} {path}");
                Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.NotNull(operation["responses"]!["401"]);
            }
        }
        Assert.Equal(["get /healthz"], anonymous);
    }

    [Fact]
    public async Task The_event_stream_is_documented_with_its_event_names_and_payload_schemas()
    {
        await using var server = await ServerRun.StartAsync(_env);
        var document = JsonNode.Parse(await ServedDocumentAsync(server))!;

        var stream = document["paths"]!["/api/jobs/{id}/events"]!["get"]!["responses"]!["200"]!["content"]!["text/event-stream"]!["schema"]!;
        var events = stream["oneOf"]!.AsArray().Select(e => ((string)e!["$ref"]!).Split('/')[^1]).ToList();
        var schemas = document["components"]!["schemas"]!;

        Assert.Equal(["JobProgressEvent", "JobResultEvent"], events);
        Assert.Equal("progress", (string?)schemas["JobProgressEvent"]!["properties"]!["event"]!["enum"]![0]);
        Assert.Equal("result", (string?)schemas["JobResultEvent"]!["properties"]!["event"]!["enum"]![0]);
        Assert.Equal("#/components/schemas/JobProgress", (string?)schemas["JobProgressEvent"]!["properties"]!["data"]!["contentSchema"]!["$ref"]);
        Assert.Equal("#/components/schemas/JsonResultDocument", (string?)schemas["JobResultEvent"]!["properties"]!["data"]!["contentSchema"]!["$ref"]);
        Assert.NotNull(schemas["JobProgress"]!["properties"]!["phase"]);
    }
}
