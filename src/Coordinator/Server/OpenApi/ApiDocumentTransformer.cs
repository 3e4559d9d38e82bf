using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Coordinator.Server.OpenApi;

/// <summary>
/// What the generator cannot know: the API's description, the bearer scheme (required everywhere unless an operation
/// says otherwise), the tags, and a relative server so the document is the same whichever address served it.
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Coordinator backup server",
            Version = "1",
            Description = "Submit, follow, list and cancel VSS backup jobs, and list the machine's writers. " +
                "Every operation but GET /healthz needs `Authorization: Bearer <token>` with the server's token. " +
                "Errors are RFC 9457 problem details (`application/problem+json`); a 400 names each bad field in `errors`. " +
                "Compatibility rules: docs/api.md.",
        };
        // Relative: the API is wherever the document was fetched from (and the checked-in copy stays byte-identical).
        document.Servers = [new OpenApiServer { Url = "/", Description = "the server that serves this document" }];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The server's token (`serve --token-file FILE` or $COORDINATOR_TOKEN), sent as `Authorization: Bearer <token>`.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];

        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = ApiTags.Jobs, Description = "Backup jobs: submitted, queued, run, journaled; their progress as server-sent events." },
            new() { Name = ApiTags.Writers, Description = "The VSS writers of the machine the server runs on." },
            new() { Name = ApiTags.Health, Description = "Liveness, without a token (for load balancers and service managers)." },
        };
        return Task.CompletedTask;
    }
}

/// <summary>The tags that group the operations.</summary>
internal static class ApiTags
{
    public const string Jobs = "jobs";
    public const string Writers = "writers";
    public const string Health = "health";
}
