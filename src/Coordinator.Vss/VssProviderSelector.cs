using Coordinator.Vss.Windows;

namespace Coordinator.Vss;

/// <summary>Which VSS provider was chosen, and a sentence saying why (for the log and the CLI).</summary>
public sealed record VssProviderSelection(IVssFactory Factory, string ProviderName, string Reason);

/// <summary>
/// Chooses the VSS provider for <c>--provider auto|simulated|windows</c>. The simulator is passed in as
/// a factory function so this port project does not depend on a provider it does not contain.
/// </summary>
public static class VssProviderSelector
{
    public static VssProviderSelection Select(string? requested, Func<IVssFactory> simulated)
    {
        ArgumentNullException.ThrowIfNull(simulated);
        var name = string.IsNullOrWhiteSpace(requested) ? "auto" : requested.Trim().ToLowerInvariant();
        switch (name)
        {
            case "simulated":
                return new VssProviderSelection(simulated(), "simulated", "Using the simulated VSS provider, as requested (--provider simulated).");
            case "windows":
                if (OperatingSystem.IsWindows())
                {
                    return new VssProviderSelection(new WindowsVssFactory(), "windows", "Using Windows VSS (vssapi.dll), as requested (--provider windows).");
                }
                throw new PlatformNotSupportedException(
                    $"--provider windows needs Windows, but this is {System.Runtime.InteropServices.RuntimeInformation.OSDescription}. Use --provider simulated or --provider auto.");
            case "auto":
                if (OperatingSystem.IsWindows())
                {
                    return new VssProviderSelection(new WindowsVssFactory(), "windows", "Using Windows VSS (vssapi.dll): --provider auto picks it on Windows.");
                }
                return new VssProviderSelection(simulated(), "simulated",
                    $"Using the simulated VSS provider: --provider auto picks it where Windows VSS is absent ({System.Runtime.InteropServices.RuntimeInformation.OSDescription}).");
            default:
                throw new ArgumentException($"Unknown VSS provider '{requested}'. Use auto, simulated or windows.", nameof(requested));
        }
    }
}
