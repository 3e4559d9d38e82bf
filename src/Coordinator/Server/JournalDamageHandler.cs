using Coordinator.Journal;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Coordinator.Server;

/// <summary>
/// A request that ran into a damaged journal answers 503 with a problem naming the journal and what to do, as /healthz
/// does from then on, instead of an unexplained 500.
/// </summary>
internal sealed class JournalDamageHandler(SqliteJournal journal, IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not SqliteException sqlite || !JournalIntegrity.IsDamage(sqlite))
        {
            return false;
        }
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "the journal is damaged",
                Detail = journal.Health.Damage?.Message ?? JournalIntegrity.Describe(journal.Path, sqlite.Message),
                Extensions = { ["journal"] = journal.Path },
            },
        });
    }
}
