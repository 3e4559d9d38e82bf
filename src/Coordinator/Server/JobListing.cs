using Coordinator.Core;
using Coordinator.Jobs;
using Coordinator.Journal;
using Microsoft.AspNetCore.Http;

namespace Coordinator.Server;

/// <summary>
/// GET /api/jobs: pages of the journal's jobs, newest first. The cursor is a job id (<c>before</c>), not an offset,
/// so jobs submitted while a client pages through do not shift the pages it has not read yet.
/// </summary>
internal static class JobListing
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static IResult Page(SqliteJournal journal, int limit, string? before)
    {
        if (before is not null && journal.GetJob(before) is null)
        {
            return JobProblems.Invalid("invalid job list request",
                new FieldError("before", $"no job with id {BoundedText.Quote(before)}: give the id of a job from the previous page"));
        }
        // One row more than asked tells whether an older page exists.
        var records = journal.ListJobs(limit + 1, before);
        var page = records.Take(limit).Select(Summarize).ToList();
        var next = records.Count > limit ? $"/api/jobs?limit={limit}&before={Uri.EscapeDataString(page[^1].Id)}" : null;
        return Results.Ok(new JobList(page, next));
    }

    private static JobSummary Summarize(JobRecord record)
    {
        var request = JobDocuments.ReadRequest(record);
        return new JobSummary(record.Id, record.Status, record.Origin, request?.Volumes ?? [], request?.Persistent ?? false,
            record.CreatedAt, record.StartedAt, record.FinishedAt);
    }
}
