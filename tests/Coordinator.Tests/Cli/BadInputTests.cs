using Coordinator.Cli;
using Coordinator.Tests.Support;

namespace Coordinator.Tests.Cli;

/// <summary>Every user mistake: exit 2, one line on stderr saying what and where, no stack trace, nothing on stdout.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    public static TheoryData<string[], string> Cases => new()
    {
        { ["backup", "C:", "c:\\"], "given twice" },
        { ["backup", "Q:"], "<volume>: volume Q:\\ does not exist on this host: check the volume name" },
        { ["backup", "C:", "--timeout", "10x"], "--timeout: '10x' is not a duration" },
        { ["backup", "C:", "--exec", "no-such-program-here"], "--exec: program 'no-such-program-here' was not found on PATH: give its full path (no shell is used)" },
        { ["backup", "C:", "--exec-arg", "x"], "--exec: arguments are given but no program" },
        { ["backup", "C:", "--include-writer", "NoSuchWriter"], "--include-writer: included writer 'NoSuchWriter' matches no writer on this host (writers: " },
        { ["backup", "C:", "--scenario", "/no/such/scenario.json"], "--scenario: file '/no/such/scenario.json' does not exist" },
        { ["backup", "C:", "--provider", "vmware"], "--provider: 'vmware' is not a provider" },
        { ["backup", "C:", "--bogus"], "unknown option '--bogus'" },
        { ["backup"], "(see 'coordinator backup --help')" },
        { ["snapshots", "delete"], "exactly one of --set ID, --id ID or --all" },
        { ["snapshots", "delete", "--set", "not-a-guid"], "--set: 'not-a-guid' is not a snapshot set id" },
        { ["snapshots", "list", "--bogus"], "(see 'coordinator snapshots list --help')" },
        { ["snapshots", "delete", "--set", "0f8fad5b-d9cb-469f-a165-70867728950e"], "not a live set of this coordinator" },
        { ["nonsense"], "nonsense" },
        { ["serve", "--max-concurrent-jobs", "many"], "--max-concurrent-jobs: 'many' is not a positive whole number" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_exits_2_with_one_clear_line(string[] args, string expected)
    {
        var run = await _env.RunAsync(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("coordinator: error: ", lines[0]);
        Assert.Contains(expected, lines[0]);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stdout);
    }

    [Fact]
    public async Task The_built_executable_reports_bad_input_the_same_way()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "coordinator.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { dll, "backup", "C:", "C:\\", "--journal", _env.JournalPath })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.BadInput, process.ExitCode);
        Assert.Equal("coordinator: error: <volume>: volume 'C:\\' is given twice (also as 'C:'): list each volume once", (await stderr).Trim());
        Assert.Equal("", (await stdout).Trim());
    }
}
