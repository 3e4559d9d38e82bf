using Coordinator.Cli;

namespace Coordinator.Providers;

/// <summary>Opens the Windows COM VSS provider (Coordinator.Vss.Windows).</summary>
internal static class WindowsProvider
{
    public static ProviderHandle Open() =>
        // Wired when the windows branch (VssProviderSelector) is merged.
        throw CliException.Environment("the Windows VSS provider is not part of this build yet");
}
