using System.Globalization;
using System.Text.Json.Nodes;
using Coordinator.Actors.Jobs;
using Coordinator.Output;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Coordinator.Server.OpenApi;

/// <summary>
/// Documents a <c>text/event-stream</c> answer: each event is one of <c>JobProgressEvent</c> (event name
/// <c>progress</c>, its <c>id</c> the event's sequence number) or <c>JobResultEvent</c> (event name <c>result</c>, the
/// last one). <c>data</c> is a JSON text; <c>contentSchema</c> gives its schema (the form OpenAPI 3.2 adopts for
/// event streams). A client resumes with <c>Last-Event-ID</c>.
/// </summary>
internal sealed class EventStreamOperationTransformer : IOpenApiOperationTransformer
{
    public const string ContentType = "text/event-stream";
    public const string ProgressEvent = "JobProgressEvent";
    public const string ResultEvent = "JobResultEvent";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        // The generator writes no content for a response without a body type; the endpoint's metadata says which
        // statuses stream.
        var statuses = context.Description.ActionDescriptor.EndpointMetadata.OfType<IProducesResponseTypeMetadata>()
            .Where(m => m.ContentTypes.Contains(ContentType, StringComparer.OrdinalIgnoreCase))
            .Select(m => m.StatusCode.ToString(CultureInfo.InvariantCulture)).ToList();
        var streams = new List<OpenApiMediaType>();
        foreach (var status in statuses)
        {
            if (operation.Responses?.GetValueOrDefault(status) is OpenApiResponse response)
            {
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                var media = response.Content.TryGetValue(ContentType, out var existing) ? existing : response.Content[ContentType] = new OpenApiMediaType();
                streams.Add(media);
            }
        }
        if (streams.Count == 0)
        {
            return;
        }
        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(nameof(JobProgress)))
        {
            var progress = await context.GetOrCreateSchemaAsync(typeof(JobProgress), null, cancellationToken);
            Describe(progress);
            document.AddComponent(nameof(JobProgress), progress);
        }
        if (!document.Components.Schemas.ContainsKey(nameof(JsonResultDocument)))
        {
            document.AddComponent(nameof(JsonResultDocument), await context.GetOrCreateSchemaAsync(typeof(JsonResultDocument), null, cancellationToken));
        }
        document.Components.Schemas[ProgressEvent] = Event("progress",
            "A step of the job: the phase it entered, with the volume, writer and attempt involved.", nameof(JobProgress), document,
            new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Format = "int64",
                Description = "The event's sequence number within the job (from 1); send the last one seen as `Last-Event-ID` to resume after it.",
            });
        document.Components.Schemas[ResultEvent] = Event("result",
            "The job's document once it has ended (the same as GET /api/jobs/{id}); the stream ends after it.", nameof(JsonResultDocument), document, id: null);

        foreach (var media in streams)
        {
            media.Schema = new OpenApiSchema
            {
                Description = "Each event of the stream: `event:` names it, `data:` holds its JSON. Comment lines (`: keep-alive`) keep idle connections open.",
                OneOf = [new OpenApiSchemaReference(ProgressEvent, document), new OpenApiSchemaReference(ResultEvent, document)],
            };
        }
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "Last-Event-ID",
            In = ParameterLocation.Header,
            Description = "Resume: only the progress events after this sequence number (the `id` of the last one received).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0" },
        });
    }

    private static readonly Dictionary<string, string> ProgressFields = new()
    {
        ["jobId"] = "The job's id.",
        ["phase"] = "The phase the job entered (e.g. `GatherWriterMetadata`, `DoSnapshotSet`, `Backup`, `BackupComplete`, `Retry`).",
        ["attempt"] = "The attempt (from 1; a retried job counts up).",
        ["message"] = "What happened, for people.",
        ["at"] = "When.",
        ["volume"] = "The volume involved, if any.",
        ["writer"] = "The writer involved, if any.",
    };

    /// <summary>JobProgress lives in the actors' assembly, whose comments the generator does not read.</summary>
    private static void Describe(IOpenApiSchema progress)
    {
        if (progress is not OpenApiSchema schema)
        {
            return;
        }
        schema.Description = "A step of a job.";
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (property is OpenApiSchema writable && ProgressFields.TryGetValue(name, out var description))
            {
                writable.Description = description;
            }
        }
    }

    private static OpenApiSchema Event(string name, string description, string dataSchema, OpenApiDocument document, OpenApiSchema? id)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = $"`event: {name}`: {description}",
            Required = new HashSet<string> { "event", "data" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["event"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(name)] },
                ["data"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    ContentMediaType = "application/json",
                    ContentSchema = new OpenApiSchemaReference(dataSchema, document),
                },
            },
        };
        if (id is not null)
        {
            schema.Properties["id"] = id;
            schema.Required.Add("id");
        }
        return schema;
    }
}
