using System.Diagnostics;
using Coordinator.Tests.Support;

namespace Coordinator.ApiClient.Tests;

/// <summary>
/// Generated/ is exactly what tools/generate-client.sh makes from docs/openapi.json: a contract change that was not
/// regenerated fails here (and docs/openapi.json itself is kept equal to the served document by ApiContractTests).
/// </summary>
public sealed class GeneratedClientIsCurrentTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "coordinator-tests", "client-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    /// <summary>The files of a generated client by relative path; the lock file's own location line differs by output folder.</summary>
    private static Dictionary<string, string> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .ToDictionary(
                f => Path.GetRelativePath(directory, f).Replace('\\', '/'),
                f => string.Join('\n', File.ReadAllText(f).ReplaceLineEndings("\n").Split('\n').Where(l => !l.Contains("\"descriptionLocation\"", StringComparison.Ordinal))));

    [Fact]
    public async Task The_checked_in_client_is_what_kiota_generates_from_docs_openapi_json()
    {
        var root = Repository.Root;
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "tools", "generate-client.sh"), _output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(process.ExitCode == 0, $"tools/generate-client.sh exited {process.ExitCode}:\n{await stdout}{await stderr}");

        var expected = Files(_output);
        var checkedIn = Files(Path.Combine(root, "tests", "Coordinator.ApiClient.Tests", "Generated"));

        Assert.Equal(expected.Keys.Order(), checkedIn.Keys.Order());
        var stale = expected.Keys.Where(k => expected[k] != checkedIn[k]).ToList();
        Assert.True(stale.Count == 0, $"Generated/ is stale ({string.Join(", ", stale)}): run tools/generate-client.sh and commit the result.");
    }
}
