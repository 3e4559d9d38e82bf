using System.Text.Json;
using Coordinator.Actors.Jobs;
using Coordinator.Core;
using Coordinator.Hosting;
using Coordinator.Jobs;
using Coordinator.Journal;
using Coordinator.Output;
using Coordinator.Providers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Coordinator.Server;

/// <summary>A job in GET /api/jobs.</summary>
public sealed record JobSummary(string Id, string Status, string Origin, IReadOnlyList<string> Volumes, bool Persistent,
    DateTimeOffset SubmittedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);

public sealed record SubmittedJob(string Id, string Status, string Location);

/// <summary>The HTTP API: jobs (submit, list, show, cancel, events as SSE) and writers.</summary>
public static class JobEndpoints
{
    public static void MapJobEndpoints(this IEndpointRouteBuilder app, ProviderHandle provider, TimeSpan writerTimeout)
    {
        app.MapHealth();

        var api = app.MapGroup("/api");

        api.MapPost("/jobs", SubmitAsync).WithName("SubmitJob")
            .Produces<SubmittedJob>(StatusCodes.Status202Accepted).ProducesValidationProblem();

        // limit is read as text so that "abc" gets problem details naming it, not the framework's empty 400.
        api.MapGet("/jobs", (SqliteJournal journal, string? limit) =>
            {
                var (count, problem) = JobProblems.ParseLimit(limit, fallback: 100, max: 1000);
                return problem ?? Results.Ok(journal.ListJobs(count).Select(Summarize).ToList());
            })
            .WithName("ListJobs");

        api.MapGet("/jobs/{id}", (string id, SqliteJournal journal) =>
            journal.GetJob(id) is { } record
                ? Results.Json(JobDocuments.Load(record), JsonDefaults.Options)
                : NotFound(id))
            .WithName("GetJob").Produces<JsonResultDocument>();

        api.MapPost("/jobs/{id}/cancel", (string id, JobQueue queue, SqliteJournal journal) => queue.Cancel(id) switch
            {
                CancelOutcome.NotFound => NotFound(id),
                CancelOutcome.AlreadyFinished => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "job already finished",
                    detail: $"job {id} has already finished ({journal.GetJob(id)?.Status})"),
                var outcome => Results.Accepted($"/api/jobs/{id}", new { id, status = outcome == CancelOutcome.Cancelled ? "cancelled" : "cancelling" }),
            })
            .WithName("CancelJob");

        api.MapGet("/jobs/{id}/events", StreamEventsAsync).WithName("JobEvents");

        api.MapGet("/writers", async (CancellationToken cancellationToken) =>
            Results.Json(new { provider = provider.Name, writers = await WriterInventory.GatherAsync(provider, writerTimeout).WaitAsync(cancellationToken) }, JsonDefaults.Options))
            .WithName("ListWriters");
    }

    private static async Task<IResult> SubmitAsync(HttpRequest http, JobQueue queue, ProviderHandle provider, CoordinatorConfig config, ProgramAllowList allowList)
    {
        var (request, problem) = await JobRequestReader.ReadAsync(http);
        if (request is null)
        {
            return problem!;
        }
        var (job, errors) = JobRequestValidator.Validate(request, BackupJob.NewId());
        if (request.Provider is { } wanted && !ProviderMatches(wanted, provider))
        {
            errors = [.. errors, new FieldError("provider", $"this server runs the {provider.Name} provider, not {BoundedText.Quote(wanted)}")];
        }
        if (job is not null && allowList.Check(job) is { } notAllowed)
        {
            errors = [.. errors, notAllowed];
        }
        if (job is null || errors.Count > 0)
        {
            return JobProblems.Invalid([.. errors]);
        }
        // What the CLI refuses before it starts a job (unknown volume or writer, too many volumes), refused before queueing.
        if (await JobPreflight.CheckAsync(job, provider, config.Actors) is { Count: > 0 } machineErrors)
        {
            return JobProblems.Invalid([.. machineErrors]);
        }
        var id = queue.Submit(job, request);
        return Results.Accepted($"/api/jobs/{id}", new SubmittedJob(id, JobStates.Queued, $"/api/jobs/{id}"));
    }

    private static bool ProviderMatches(string wanted, ProviderHandle provider) =>
        wanted.Equals("auto", StringComparison.OrdinalIgnoreCase) || wanted.Equals(provider.Name, StringComparison.OrdinalIgnoreCase);

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "no such job", detail: $"no job with id {BoundedText.Quote(id)}");

    private static JobSummary Summarize(JobRecord record)
    {
        var request = JobDocuments.ReadRequest(record);
        return new JobSummary(record.Id, record.Status, record.Origin, request?.Volumes ?? [], request?.Persistent ?? false,
            record.CreatedAt, record.StartedAt, record.FinishedAt);
    }

    /// <summary>
    /// Server-sent events: every journaled progress event ("progress", id = its sequence number, so a client resumes
    /// with Last-Event-ID), then the result document ("result") when the job ends.
    /// </summary>
    private static async Task StreamEventsAsync(string id, HttpContext http, SqliteJournal journal, ChangeSignal signal)
    {
        if (journal.GetJob(id) is null)
        {
            await NotFound(id).ExecuteAsync(http);
            return;
        }
        var cancellationToken = http.RequestAborted;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        long last = long.TryParse(http.Request.Headers["Last-Event-ID"], out var resumeFrom) ? resumeFrom : 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var changed = signal.Next;
                var record = journal.GetJob(id)!;
                foreach (var e in journal.GetEvents(id, last))
                {
                    await http.Response.WriteAsync($"id: {e.Sequence}\nevent: progress\ndata: {e.Json}\n\n", cancellationToken);
                    last = e.Sequence;
                }
                if (JobStates.IsTerminal(record.Status))
                {
                    var document = JsonSerializer.Serialize(JobDocuments.Load(record), JsonDefaults.Options);
                    await http.Response.WriteAsync($"event: result\ndata: {document}\n\n", cancellationToken);
                    await http.Response.Body.FlushAsync(cancellationToken);
                    return;
                }
                await http.Response.Body.FlushAsync(cancellationToken);
                try
                {
                    await changed.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken);
                }
                catch (TimeoutException)
                {
                    // Comment line: keeps proxies from closing an idle stream.
                    await http.Response.WriteAsync(": keep-alive\n\n", cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
    }
}
