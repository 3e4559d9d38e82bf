using System.Text.Json;
using Coordinator.Actors.Jobs;
using Coordinator.Core;
using Coordinator.Hosting;
using Coordinator.Jobs;
using Coordinator.Journal;
using Coordinator.Output;
using Coordinator.Providers;
using Coordinator.Server.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Coordinator.Server;

/// <summary>A job in GET /api/jobs.</summary>
/// <param name="Id">The job's id.</param>
/// <param name="Status">queued, running, succeeded, failed or cancelled.</param>
/// <param name="Origin">Who submitted it: <c>api</c> (this API) or <c>cli</c> (<c>coordinator backup</c>).</param>
/// <param name="Volumes">The volumes as requested.</param>
/// <param name="Persistent">Whether its snapshots outlive the job.</param>
/// <param name="SubmittedAt">When it was submitted.</param>
/// <param name="StartedAt">When it started running; null while queued, or when cancelled before it ran.</param>
/// <param name="FinishedAt">When it ended; null until then.</param>
public sealed record JobSummary(string Id, string Status, string Origin, IReadOnlyList<string> Volumes, bool Persistent,
    DateTimeOffset SubmittedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);

/// <summary>A job accepted by POST /api/jobs.</summary>
/// <param name="Id">The job's id.</param>
/// <param name="Status"><c>queued</c>.</param>
/// <param name="Location">The job's URL (path), also in the <c>Location</c> header.</param>
public sealed record SubmittedJob(string Id, string Status, string Location);

/// <summary>The HTTP API: jobs (submit, list, show, cancel, events as SSE) and writers.</summary>
public static class JobEndpoints
{
    public static void MapJobEndpoints(this IEndpointRouteBuilder app, ProviderHandle provider, TimeSpan writerTimeout)
    {
        app.MapHealth();

        var api = app.MapGroup("/api");

        api.MapPost("/jobs", SubmitAsync).WithName("SubmitJob")
            .WithSummary("Submit a backup job")
            .WithDescription("Validates the job and queues it; it runs when a worker is free (`serve --max-concurrent-jobs`). " +
                "Follow it with GET /api/jobs/{id} or its events; every field is checked before anything is queued.")
            .WithTags(ApiTags.Jobs)
            .Accepts<JobRequest>("application/json")
            .Produces<SubmittedJob>(StatusCodes.Status202Accepted).ProducesValidationProblems()
            .ProducesProblems(StatusCodes.Status413PayloadTooLarge);

        // limit is read as text so that "abc" gets problem details naming it, not the framework's empty 400; the
        // document still gives it as an integer (ParameterOperationTransformer), because the range is the contract.
        api.MapGet("/jobs", (SqliteJournal journal, string? limit, string? before) =>
            {
                var (count, problem) = JobProblems.ParseLimit(limit, fallback: JobListing.DefaultLimit, max: JobListing.MaxLimit);
                return problem ?? JobListing.Page(journal, count, before);
            })
            .WithName("ListJobs")
            .WithSummary("List jobs, newest first")
            .WithDescription("One page of the journal's jobs (API and CLI ones), newest first. Follow `next` for older jobs; it is null on the last page.")
            .WithTags(ApiTags.Jobs)
            .Produces<JobList>().ProducesValidationProblems();

        api.MapGet("/jobs/{id}", (string id, SqliteJournal journal) =>
            journal.GetJob(id) is { } record
                ? Results.Json(JobDocuments.Load(record), JsonDefaults.Options)
                : NotFound(id))
            .WithName("GetJob")
            .WithSummary("Show a job")
            .WithDescription("The job's document: its status (queued, running, succeeded, failed, cancelled) and, once it has ended, " +
                "the same result document as `coordinator backup --json` (snapshots, writers, components, timings, error).")
            .WithTags(ApiTags.Jobs)
            .Produces<JsonResultDocument>().ProducesProblems(StatusCodes.Status404NotFound);

        api.MapPost("/jobs/{id}/cancel", (string id, JobQueue queue, SqliteJournal journal) => queue.Cancel(id) switch
            {
                CancelOutcome.NotFound => NotFound(id),
                CancelOutcome.AlreadyFinished => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "job already finished",
                    detail: $"job {id} has already finished ({journal.GetJob(id)?.Status})"),
                var outcome => Results.Accepted($"/api/jobs/{id}", new CancelResult(id, outcome == CancelOutcome.Cancelled ? "cancelled" : "cancelling")),
            })
            .WithName("CancelJob")
            .WithSummary("Cancel a job")
            .WithDescription("A queued job ends cancelled without running. A running job is cancelled and cleans up " +
                "(aborts the backup, releases the writers, deletes its snapshots), then ends as cancelled: follow it to see when.")
            .WithTags(ApiTags.Jobs)
            .Produces<CancelResult>(StatusCodes.Status202Accepted)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        api.MapGet("/jobs/{id}/events", StreamEventsAsync).WithName("JobEvents")
            .WithSummary("Follow a job's progress (server-sent events)")
            .WithDescription("A `text/event-stream`: every progress event the job has journaled (`event: progress`, `id:` its sequence number), " +
                "then, when the job ends, its document (`event: result`), and the stream closes. A job that has already ended gets its events and result at once. " +
                "Reconnect with `Last-Event-ID` to get only what was missed.")
            .WithTags(ApiTags.Jobs)
            .Produces(StatusCodes.Status200OK, contentType: EventStreamOperationTransformer.ContentType)
            .ProducesProblems(StatusCodes.Status404NotFound);

        api.MapGet("/writers", async (CancellationToken cancellationToken) =>
            Results.Json(new WriterList(provider.Name, await WriterInventory.GatherAsync(provider, writerTimeout).WaitAsync(cancellationToken)), JsonDefaults.Options))
            .WithName("ListWriters")
            .WithSummary("List the VSS writers")
            .WithDescription("Gathers the writers' metadata and status from the provider now (like `coordinator writers`): identity, state, last failure and components.")
            .WithTags(ApiTags.Writers)
            .Produces<WriterList>();
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
