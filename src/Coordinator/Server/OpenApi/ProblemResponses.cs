using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Coordinator.Server.OpenApi;

/// <summary>Declares an endpoint's error answers: every one is <c>application/problem+json</c>.</summary>
internal static class ProblemResponses
{
    public const string ContentType = "application/problem+json";

    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var statusCode in statusCodes)
        {
            builder.Produces<Problem>(statusCode, ContentType);
        }
        return builder;
    }

    /// <summary>A 400 whose <c>errors</c> names each bad field.</summary>
    public static RouteHandlerBuilder ProducesValidationProblems(this RouteHandlerBuilder builder) =>
        builder.Produces<ValidationProblem>(StatusCodes.Status400BadRequest, ContentType);
}
