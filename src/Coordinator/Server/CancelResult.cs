namespace Coordinator.Server;

/// <summary>
/// The answer to POST /api/jobs/{id}/cancel: <c>cancelled</c> when the job was still queued (it ended without
/// running), <c>cancelling</c> when it was running (it cleans up, then ends as cancelled).
/// </summary>
public sealed record CancelResult(string Id, string Status);
