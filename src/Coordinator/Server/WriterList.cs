using Coordinator.Providers;

namespace Coordinator.Server;

/// <summary>The answer to GET /api/writers: the server's provider and its VSS writers.</summary>
public sealed record WriterList(string Provider, IReadOnlyList<WriterInfo> Writers);
