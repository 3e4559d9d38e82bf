using Coordinator.Jobs;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Coordinator.Server.OpenApi;

/// <summary>
/// The job request's rules that the record's types cannot say: <c>volumes</c> is required and not empty (the validator
/// answers 400 otherwise), and what each field takes.
/// </summary>
internal sealed class JobRequestSchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<string, string> JobFields = new()
    {
        ["volumes"] = "The volumes to snapshot, each once: a drive letter (`C:`, `C:\\`) or a volume GUID path (`\\\\?\\Volume{…}\\`).",
        ["provider"] = "Optional: `auto`, or the provider the server runs (`windows`, `simulated`); another one is a 400.",
        ["persistent"] = "Keep the snapshots after the job (journaled; deleted with `coordinator snapshots delete`). Default false: released when the job ends.",
        ["includeWriters"] = "Only these writers (names, class ids or instance ids) take part; default all.",
        ["excludeWriters"] = "These writers (names, class ids or instance ids) are left out.",
        ["timeout"] = "The most the job may take, as a duration (`90s`, `10m`, `1h30m`); default the server's configured one.",
    };

    private static readonly Dictionary<string, string> ActionFields = new()
    {
        ["program"] = "The program: a path, or a name found on the server's PATH. It runs without a shell while the snapshots exist; the job fails if it exits non-zero.",
        ["arguments"] = "Its arguments, each one as it is (no shell quoting).",
        ["workingDirectory"] = "The directory it starts in; default the server's.",
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        // ActionRequest arrives as the schema of JobRequest.action, which becomes its component.
        if (type != typeof(JobRequest) && type != typeof(ActionRequest))
        {
            return Task.CompletedTask;
        }
        var fields = type == typeof(JobRequest) ? JobFields : ActionFields;
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (property is OpenApiSchema writable && fields.TryGetValue(name, out var description))
            {
                writable.Description = description;
            }
        }
        var required = type == typeof(JobRequest) ? "volumes" : "program";
        if (schema.Properties is { } properties && properties.TryGetValue(required, out var requiredSchema) && requiredSchema is OpenApiSchema field)
        {
            // Required and not null: the validator answers 400 naming the field without it.
            field.Type &= ~JsonSchemaType.Null;
            if (required == "volumes")
            {
                field.MinItems = 1;
            }
            schema.Required ??= new HashSet<string>();
            schema.Required.Add(required);
        }
        return Task.CompletedTask;
    }
}
