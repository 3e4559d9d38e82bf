using Coordinator.Core;

namespace Coordinator.Providers;

/// <summary>
/// Chooses the VSS provider: "windows" needs Windows; "simulated" is the model of VSS used where VSS is absent;
/// "auto" is windows on Windows and simulated elsewhere.
/// </summary>
public sealed class DefaultProviderSource : IVssProviderSource
{
    public const string SimulatedDescription = "simulated VSS provider (VSS is Windows-only)";

    public ProviderHandle Open(ProviderRequest request) =>
        Resolve(request) switch
        {
            "simulated" => SimulatedProvider.Open(request.ScenarioFile),
            _ => OpenWindows(request),
        };

    /// <summary>The concrete provider kind ("simulated" or "windows"); throws a bad-input error for an unknown kind or a missing scenario file.</summary>
    public static string Resolve(ProviderRequest request)
    {
        var kind = (request.Kind ?? "auto").Trim().ToLowerInvariant();
        if (kind == "auto")
        {
            kind = OperatingSystem.IsWindows() ? "windows" : "simulated";
        }
        if (kind is not ("simulated" or "windows"))
        {
            throw CoordinatorException.BadInput($"'{request.Kind}' is not a provider: use auto, simulated or windows", "provider");
        }
        if (request.ScenarioFile is not null && !File.Exists(request.ScenarioFile))
        {
            throw CoordinatorException.BadInput($"file '{request.ScenarioFile}' does not exist", "scenario");
        }
        return kind;
    }

    private static ProviderHandle OpenWindows(ProviderRequest request)
    {
        if (!OperatingSystem.IsWindows())
        {
            throw CoordinatorException.Environment(
                $"the Windows VSS provider needs Windows (this is {System.Runtime.InteropServices.RuntimeInformation.OSDescription}): choose the simulated provider",
                "provider");
        }
        if (request.ScenarioFile is not null)
        {
            throw CoordinatorException.BadInput("a scenario file is only for the simulated provider: choose the simulated provider", "scenario");
        }
        return WindowsProvider.Open();
    }
}
