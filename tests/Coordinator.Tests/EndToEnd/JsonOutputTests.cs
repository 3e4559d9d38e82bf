using System.Text.Json;
using Coordinator.Cli;
using Coordinator.Tests.Support;

namespace Coordinator.Tests.EndToEnd;

/// <summary>--json on the real process: stdout is one JSON document and nothing else (no log line, no banner), even on failure.</summary>
public sealed class JsonOutputTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    [Theory]
    [InlineData(ExitCodes.Succeeded, "succeeded", new[] { "C:", "D:" })]
    [InlineData(ExitCodes.BadInput, "failed", new[] { "Q:" })]
    public async Task Stdout_is_exactly_one_json_document(int exitCode, string status, string[] volumes)
    {
        var run = await ChildCoordinator.RunAsync(["backup", .. volumes, "--json", "--provider", "simulated", "--journal", _env.JournalPath]);

        Assert.Equal(exitCode, run.ExitCode);
        using var document = JsonDocument.Parse(run.Stdout); // throws on anything before or after the document
        Assert.Equal(status, document.RootElement.GetProperty("status").GetString());
        Assert.Equal("simulated", document.RootElement.GetProperty("provider").GetString());
    }
}
