using Coordinator.Journal;
using Coordinator.Server.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Coordinator.Server;

/// <summary>
/// GET /healthz (no token): 200 while the server can do its work, 503 with a problem naming the journal once a journal
/// statement found the file damaged (what touches the damaged part fails; a restart refuses to start until the file is
/// restored or moved aside).
/// </summary>
public static class HealthEndpoint
{
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", (SqliteJournal journal) => journal.Health.Damage is { } damage
                ? Results.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "the journal is damaged",
                    detail: damage.Message,
                    extensions: new Dictionary<string, object?> { ["journal"] = damage.JournalPath, ["detectedAt"] = damage.DetectedAt })
                : Results.Ok(new HealthStatus("ok")))
            .WithName("Health")
            .WithSummary("Is the server up?")
            .WithDescription("Answers 200 while the server serves; 503, with a problem naming the journal, once a journal statement " +
                "found the file damaged. The only operation without the bearer token.")
            .WithTags(ApiTags.Health).AllowAnonymous()
            .Produces<HealthStatus>()
            .ProducesProblems(StatusCodes.Status503ServiceUnavailable);
}
