using Coordinator.Providers;

namespace Coordinator.Server;

/// <summary>The server's VSS provider and its writers.</summary>
/// <param name="Provider">The provider the server runs: <c>windows</c> or <c>simulated</c>.</param>
/// <param name="Writers">The writers, as <c>coordinator writers</c> lists them.</param>
public sealed record WriterList(string Provider, IReadOnlyList<WriterInfo> Writers);
