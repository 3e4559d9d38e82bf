using System.Diagnostics;
using Coordinator.Tests.Support;

namespace Coordinator.Tests.Server;

/// <summary>
/// The served document passes Redocly CLI's lint with the recommended rules (redocly.yaml says which rule is changed
/// and why). The CLI comes from the npm registry through npx, at the version pinned here.
/// </summary>
public sealed class ApiLintTests : IDisposable
{
    public const string RedoclyCli = "@redocly/cli@2.77.0";

    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [FactWhenOnPath("npx", "install Node.js 20.19+ with npm to lint the OpenAPI document (CI=true makes this a failure)")]
    public async Task The_served_document_passes_redocly_lint_with_the_recommended_rules()
    {
        string served;
        await using (var server = await ServerRun.StartAsync(_env))
        {
            served = await ApiContractTests.ServedDocumentAsync(server);
        }
        var file = Path.Combine(_env.Directory, "openapi.json");
        await File.WriteAllTextAsync(file, served);

        var (exitCode, output) = await RunAsync(FactWhenOnPathAttribute.Locate("npx")
                ?? throw new InvalidOperationException("npx is not on PATH: install Node.js 20.19+ with npm (CI runs this test)"),
            ["--yes", RedoclyCli, "lint", "--config", Repository.PathOf("redocly.yaml"), "--format", "stylish", file]);

        Assert.True(exitCode == 0, $"redocly lint exited {exitCode}:\n{output}");
        Assert.Contains("openapi.json", output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // No telemetry, no update notice: the lint's answer is all the test reads.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in 5 minutes (is the npm registry reachable?)");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
