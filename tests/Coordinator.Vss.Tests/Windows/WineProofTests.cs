using System.Diagnostics;

namespace Coordinator.Vss.Tests.Windows;

/// <summary>Whether the Wine proof can run here: wine and MinGW present, or CI, where their absence is a failure.</summary>
public static class WineTools
{
    public static bool Present => IsCi || MissingTools().Count == 0;

    public static string PresentReason =>
        $"Wine proof skipped: {string.Join(", ", MissingTools())} not found (Debian: apt-get install wine wine64 gcc-mingw-w64-x86-64 mingw-w64-common).";

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static List<string> MissingTools()
    {
        var missing = new List<string>();
        foreach (var tool in new[] { "wine", "wineboot", "x86_64-w64-mingw32-gcc" })
        {
            if (!OnPath(tool))
            {
                missing.Add(tool);
            }
        }
        if (!File.Exists(Path.Combine(MingwHeaders.Directory, "vsbackup.h")))
        {
            missing.Add(Path.Combine(MingwHeaders.Directory, "vsbackup.h"));
        }
        return missing;
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
}

/// <summary>
/// Runs tests/wine/run-wine-tests.sh: the Windows provider's full backup sequence under Wine against the
/// stand-in vssapi.dll (call order, arguments, references, BSTRs, the calling thread) and against Wine's own
/// vssapi (E_NOTIMPL), the contract suite, and coordinator.exe's backup, whose every VSS call must come from
/// the STA thread that created the components object.
/// </summary>
public sealed class WineProofTests
{
    // A guard against a hung Wine, not a budget: a cold run publishes three win-x64 self-contained apps on
    // two cores (about 1.5 minutes here, more while other test assemblies build or run beside it).
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    [FactRequires(typeof(WineTools), nameof(WineTools.Present))]
    public void The_provider_passes_the_wine_proof()
    {
        var script = Path.Combine(RepoRoot(), "tests", "wine", "run-wine-tests.sh");
        var start = new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        // Read both streams concurrently so neither pipe can fill up and stall the script.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"run-wine-tests.sh did not finish within {Limit.TotalMinutes} minutes.\n{stdout.Result}\n{stderr.Result}");
        }
        var output = stdout.Result + stderr.Result;
        var lines = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var last = lines.LastOrDefault() ?? string.Empty;
        Assert.True(process.ExitCode == 0, $"run-wine-tests.sh exited {process.ExitCode}:\n{output}");
        Assert.Matches(@"^wine: \d+ passed, 0 failed$", last);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Coordinator.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Coordinator.sln not found above {AppContext.BaseDirectory}.");
    }
}
