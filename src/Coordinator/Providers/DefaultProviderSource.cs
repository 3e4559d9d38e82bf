using Coordinator.Cli;

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
            throw CliException.BadInput($"--provider: '{request.Kind}' is not a provider: use auto, simulated or windows");
        }
        if (request.ScenarioFile is not null && !File.Exists(request.ScenarioFile))
        {
            throw CliException.BadInput($"--scenario: file '{request.ScenarioFile}' does not exist");
        }
        return kind;
    }

    private static ProviderHandle OpenWindows(ProviderRequest request)
    {
        if (!OperatingSystem.IsWindows())
        {
            throw CliException.Environment(
                $"--provider windows: the Windows VSS provider needs Windows (this is {System.Runtime.InteropServices.RuntimeInformation.OSDescription}): use --provider simulated");
        }
        if (request.ScenarioFile is not null)
        {
            throw CliException.BadInput("--scenario: a scenario file is only for the simulated provider: add --provider simulated");
        }
        return WindowsProvider.Open();
    }
}
