namespace Coordinator.Server;

/// <summary>
/// A page of GET /api/jobs, newest first. <c>next</c> is the URL of the following (older) page, null on the last one.
/// </summary>
public sealed record JobList(IReadOnlyList<JobSummary> Jobs, string? Next);
