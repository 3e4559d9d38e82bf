using System.Runtime.Versioning;
using Coordinator.Core;
using Coordinator.Vss.Windows;

namespace Coordinator.Providers;

/// <summary>Opens the Windows COM VSS provider after the preflight (bitness, Administrators/Backup Operators, SeBackupPrivilege).</summary>
[SupportedOSPlatform("windows")]
internal static class WindowsProvider
{
    public static ProviderHandle Open()
    {
        var problems = WindowsPreflight.Check();
        if (problems.Count > 0)
        {
            // Missing privileges are an environment problem (exit 3), found now rather than as E_ACCESSDENIED mid-job.
            throw CoordinatorException.Environment(string.Join(" ", problems));
        }
        return new ProviderHandle
        {
            Name = "windows",
            Factory = new WindowsVssFactory(),
            Description = "Windows VSS provider (vssapi.dll)",
        };
    }
}
