using Coordinator.Jobs;
using Coordinator.Providers;

namespace Coordinator.Cli;

/// <summary>The pieces a test may replace: the VSS provider and the coordinator. The real process uses the defaults.</summary>
public sealed record CliDependencies(IVssProviderSource ProviderSource, IBackupCoordinatorFactory CoordinatorFactory)
{
    public static CliDependencies Default { get; } = new(new DefaultProviderSource(), new ActorsCoordinatorFactory());
}
