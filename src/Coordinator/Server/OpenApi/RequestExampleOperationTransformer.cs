using System.Text.Json.Nodes;
using Coordinator.Jobs;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Coordinator.Server.OpenApi;

/// <summary>Example bodies for a job request, wherever an operation accepts one.</summary>
internal sealed class RequestExampleOperationTransformer : IOpenApiOperationTransformer
{
    private static readonly (string Name, string Summary, string Json)[] JobRequests =
    [
        ("volumes", "Snapshot two volumes, released when the job ends",
            """{"volumes":["C:","D:"]}"""),
        ("withAction", "Run a program against the snapshots, SQL Server's writer only, 30 minutes at most",
            """{"volumes":["C:\\"],"includeWriters":["SqlServerWriter"],"action":{"program":"C:\\Tools\\copy-snapshot.exe","arguments":["--to","\\\\backup\\share"],"workingDirectory":"C:\\Tools"},"timeout":"30m"}"""),
        ("persistent", "Keep the snapshots after the job (they are journaled, and listed by `coordinator snapshots list`)",
            """{"volumes":["C:"],"persistent":true,"excludeWriters":["WMI Writer"],"provider":"auto"}"""),
    ];

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var accepts = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>().FirstOrDefault();
        if (accepts?.RequestType != typeof(JobRequest) || operation.RequestBody?.Content is not { } content)
        {
            return Task.CompletedTask;
        }
        if (operation.RequestBody is OpenApiRequestBody body)
        {
            body.Description = "The job: `volumes` is required, everything else optional. Unknown members are refused (400).";
        }
        foreach (var media in content.Values)
        {
            media.Examples = JobRequests.ToDictionary(e => e.Name, e => (IOpenApiExample)new OpenApiExample
            {
                Summary = e.Summary,
                Value = JsonNode.Parse(e.Json),
            });
        }
        return Task.CompletedTask;
    }
}
