using Coordinator.Providers;

namespace Coordinator.Cli;

/// <summary>What a test may replace: where the VSS provider comes from. The real process picks by OS.</summary>
public sealed record CliDependencies(IVssProviderSource ProviderSource)
{
    public static CliDependencies Default { get; } = new(new DefaultProviderSource());
}
