using System.Text.Json.Nodes;
using Coordinator.Actors.Jobs;
using Coordinator.Output;
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
        var streams = (operation.Responses ?? []).Values.OfType<OpenApiResponse>()
            .Select(r => r.Content is { } content && content.TryGetValue(ContentType, out var media) ? media : null)
            .OfType<OpenApiMediaType>().ToList();
        if (streams.Count == 0)
        {
            return;
        }
        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(nameof(JobProgress)))
        {
            document.AddComponent(nameof(JobProgress), await context.GetOrCreateSchemaAsync(typeof(JobProgress), null, cancellationToken));
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
