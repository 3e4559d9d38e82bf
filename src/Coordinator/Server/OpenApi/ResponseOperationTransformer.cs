using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Coordinator.Server.OpenApi;

/// <summary>
/// Says what each answer means: the generator only writes the reason phrase ("Bad Request"). Error answers mean the
/// same on every operation; a success is described per operation.
/// </summary>
internal sealed class ResponseOperationTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<int, string> Errors = new()
    {
        [400] = "The request is invalid: `errors` names each bad field (API spelling, e.g. `action.program`) and what is wrong.",
        [404] = "No job has this id.",
        [409] = "The job has already finished: there is nothing left to cancel.",
        [413] = "The body is larger than the server accepts.",
    };

    private static readonly Dictionary<(string Operation, int Status), string> Successes = new()
    {
        [("Health", 200)] = "The server is up.",
        [("SubmitJob", 202)] = "The job is queued: its URL is in the `Location` header and in `location`.",
        [("ListJobs", 200)] = "A page of jobs, newest first, and the link to the next page.",
        [("GetJob", 200)] = "The job's document: the same as `coordinator backup --json` once it has ended.",
        [("CancelJob", 202)] = "Cancelled (it was queued) or cancelling (it was running and now cleans up).",
        [("JobEvents", 200)] = "The job's events, until its result.",
        [("ListWriters", 200)] = "The provider's writers, gathered now.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (code, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse writable || !int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            {
                continue;
            }
            if (Errors.TryGetValue(status, out var error))
            {
                writable.Description = error;
            }
            else if (operation.OperationId is { } id && Successes.TryGetValue((id, status), out var success))
            {
                writable.Description = success;
            }
            if (status == 202)
            {
                // Results.Accepted always names the job's URL.
                writable.Headers ??= new Dictionary<string, IOpenApiHeader>();
                writable.Headers["Location"] = new OpenApiHeader
                {
                    Description = "The job's URL (path): GET it to follow the job.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }
        return Task.CompletedTask;
    }
}
