namespace Coordinator.Server;

/// <summary>The answer to GET /healthz: <c>ok</c> while the server serves.</summary>
public sealed record HealthStatus(string Status);
