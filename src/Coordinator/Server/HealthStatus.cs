namespace Coordinator.Server;

/// <summary>The server's liveness.</summary>
/// <param name="Status"><c>ok</c> while the server serves.</param>
public sealed record HealthStatus(string Status);
