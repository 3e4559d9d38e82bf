namespace Coordinator.Server;

/// <summary>An error answer: RFC 9457 problem details (<c>application/problem+json</c>).</summary>
/// <param name="Title">What went wrong, in a few words.</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Type">A URI naming the kind of problem.</param>
/// <param name="Detail">The particulars: which job, which field, what to do.</param>
/// <param name="Instance">The request's path.</param>
/// <param name="TraceId">The request's trace id, for matching the answer with the server's log.</param>
public sealed record Problem(string Title, int Status, string? Type = null, string? Detail = null, string? Instance = null, string? TraceId = null);

/// <summary>A 400 answer: problem details whose <c>errors</c> names each bad field.</summary>
/// <param name="Title">What went wrong, in a few words.</param>
/// <param name="Status">400.</param>
/// <param name="Errors">Each bad field in API spelling (e.g. <c>volumes</c>, <c>action.program</c>) and what is wrong with it.</param>
/// <param name="Type">A URI naming the kind of problem.</param>
/// <param name="Detail">Every field's problem in one line.</param>
/// <param name="Instance">The request's path.</param>
/// <param name="TraceId">The request's trace id, for matching the answer with the server's log.</param>
public sealed record ValidationProblem(string Title, int Status, IReadOnlyDictionary<string, IReadOnlyList<string>> Errors,
    string? Type = null, string? Detail = null, string? Instance = null, string? TraceId = null);
