using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Coordinator.Server.OpenApi;

/// <summary>The served OpenAPI document (/openapi/v1.json): ASP.NET's generator plus the transformers that complete it.</summary>
internal static class ApiDocumentSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddCoordinatorOpenApi(this IServiceCollection services)
    {
        // The web defaults read numbers from strings too, which the generator documents as "integer or string";
        // the API writes numbers as numbers, and a generated client should see exactly that.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddOperationTransformer<SecurityOperationTransformer>();
            options.AddOperationTransformer<ParameterOperationTransformer>();
            options.AddOperationTransformer<ResponseOperationTransformer>();
            options.AddOperationTransformer<EventStreamOperationTransformer>();
            options.AddOperationTransformer<RequestExampleOperationTransformer>();
            options.AddSchemaTransformer<JobRequestSchemaTransformer>();
        });
        return services;
    }
}
