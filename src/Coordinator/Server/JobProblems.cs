using Coordinator.Core;
using Coordinator.Jobs;
using Microsoft.AspNetCore.Http;

namespace Coordinator.Server;

/// <summary>The API's problem-details responses for a job request: 400 naming each field, every message bounded.</summary>
internal static class JobProblems
{
    public static IResult Invalid(params FieldError[] errors) => Invalid("invalid job request", errors);

    /// <summary>A 400 whose <c>errors</c> names each field and whose detail says them all in one line.</summary>
    public static IResult Invalid(string title, params FieldError[] errors)
    {
        // A last guard: whatever a validator echoed, a message stays short (no 20 MB 400 for a 10 MB value).
        var bounded = errors.Select(e => new FieldError(BoundedText.Shorten(e.Field, BoundedText.MaxEchoed), BoundedText.Message(e.Message))).ToList();
        return Results.ValidationProblem(
            bounded.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: title,
            detail: BoundedText.Message(string.Join("; ", bounded.Select(e => $"{e.Field}: {e.Message}"))));
    }

    /// <summary>?limit= for GET /api/jobs: a whole number from 1 to <paramref name="max"/>, else null and the problem.</summary>
    public static (int Limit, IResult? Problem) ParseLimit(string? text, int fallback, int max)
    {
        if (text is null)
        {
            return (fallback, null);
        }
        // Out of range is refused rather than clamped: a client asking for 5000 should learn it gets at most 1000.
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit) && limit >= 1 && limit <= max)
        {
            return (limit, null);
        }
        return (0, Invalid("invalid query", new FieldError("limit", $"{BoundedText.Quote(text)} is not a whole number from 1 to {max}")));
    }
}
