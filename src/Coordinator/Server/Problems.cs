namespace Coordinator.Server;

/// <summary>
/// An error answer (RFC 9457 problem details, <c>application/problem+json</c>): what went wrong in <c>title</c>, the
/// particulars in <c>detail</c>. The server writes it through ASP.NET's problem details; this record is its contract.
/// </summary>
public sealed record Problem(string Title, int Status, string? Type = null, string? Detail = null, string? Instance = null, string? TraceId = null);

/// <summary>
/// A 400 answer: a <see cref="Problem"/> whose <c>errors</c> maps each bad field (API spelling, e.g. "action.program")
/// to what is wrong with it.
/// </summary>
public sealed record ValidationProblem(string Title, int Status, IReadOnlyDictionary<string, IReadOnlyList<string>> Errors,
    string? Type = null, string? Detail = null, string? Instance = null, string? TraceId = null);
