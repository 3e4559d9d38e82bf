using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Coordinator.Server.OpenApi;

/// <summary>
/// An endpoint marked AllowAnonymous (only /healthz, which <see cref="BearerAuth"/> lets through) declares no security;
/// every other one answers 401 without the token, and says so.
/// </summary>
internal sealed class SecurityOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
            return Task.CompletedTask;
        }
        operation.Responses ??= new OpenApiResponses();
        operation.Responses[StatusCodes.Status401Unauthorized.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
        {
            Description = "No token, or not the server's token (the answer carries `WWW-Authenticate: Bearer`).",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemResponses.ContentType] = new() { Schema = new OpenApiSchemaReference(nameof(Problem), context.Document) },
            },
        };
        return Task.CompletedTask;
    }
}
