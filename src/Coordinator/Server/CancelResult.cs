namespace Coordinator.Server;

/// <summary>The answer to a cancel request.</summary>
/// <param name="Id">The job's id.</param>
/// <param name="Status">
/// <c>cancelled</c> when the job was still queued (it ended without running); <c>cancelling</c> when it was running
/// (it cleans up, then ends as <c>cancelled</c>).
/// </param>
public sealed record CancelResult(string Id, string Status);
