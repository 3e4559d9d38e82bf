namespace Coordinator.Server;

/// <summary>A page of jobs, newest first.</summary>
/// <param name="Jobs">The jobs of this page, newest first.</param>
/// <param name="Next">The URL (path and query) of the next, older page; null on the last page.</param>
public sealed record JobList(IReadOnlyList<JobSummary> Jobs, string? Next);
