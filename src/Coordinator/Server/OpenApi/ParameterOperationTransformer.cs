using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Coordinator.Server.OpenApi;

/// <summary>
/// Describes the parameters by name, the same wherever they occur. <c>limit</c> gets its documented range here, whatever
/// type the handler binds it as, because the range is the contract.
/// </summary>
internal sealed class ParameterOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            switch (parameter.Name)
            {
                case "id" when parameter.In == ParameterLocation.Path:
                    parameter.Description = "The job's id, as POST /api/jobs answered it.";
                    break;
                case "limit" when parameter.In == ParameterLocation.Query:
                    parameter.Description = $"How many jobs one page holds, 1-{JobListing.MaxLimit}.";
                    parameter.Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Integer,
                        Format = "int32",
                        Minimum = "1",
                        Maximum = JobListing.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Default = JsonValue.Create(JobListing.DefaultLimit),
                    };
                    break;
                case "before" when parameter.In == ParameterLocation.Query:
                    parameter.Description = "A job id: only jobs submitted before that one. A page's `next` link carries it; an unknown id is a 400.";
                    break;
            }
        }
        return Task.CompletedTask;
    }
}
