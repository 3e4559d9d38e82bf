using System.Text.Json;
using Coordinator.Journal;
using Coordinator.Output;

namespace Coordinator.Jobs;

/// <summary>Turns a journal row into the result document, whether the job has finished or not.</summary>
public static class JobDocuments
{
    public static JsonResultDocument Load(JobRecord record)
    {
        var request = ReadRequest(record);
        var document = record.ResultJson is null
            ? new JsonResultDocument
            {
                JobId = record.Id,
                Status = record.Status,
                Persistent = request?.Persistent ?? false,
            }
            : JsonSerializer.Deserialize<JsonResultDocument>(record.ResultJson, JsonDefaults.Options)!;
        return document with
        {
            Status = record.Status,
            SubmittedAt = record.CreatedAt,
            StartedAt = record.StartedAt,
            FinishedAt = record.FinishedAt,
        };
    }

    public static JobRequest? ReadRequest(JobRecord record)
    {
        try
        {
            return JsonSerializer.Deserialize<JobRequest>(record.RequestJson, JsonDefaults.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
