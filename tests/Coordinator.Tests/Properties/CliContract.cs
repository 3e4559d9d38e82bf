using Coordinator.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Coordinator.Tests.Properties;

/// <summary>
/// What every run of the CLI promises, whatever it is given: an exit code from the documented set (never 70, which
/// means a bug), at most one line on stderr when it fails and none saying "error" when it succeeds, no stack trace,
/// no raw terminal escape, the run ends, and the simulated host is left with nothing leaked or running.
/// </summary>
internal static class CliContract
{
    /// <summary>Enough cases to find a class of bug, few enough that a property runs in a few seconds.</summary>
    public static Config Cases(int count) => Config.QuickThrowOnFailure.WithMaxTest(count).WithQuietOnSuccess(true);

    /// <summary>Runs the CLI off the test's context (FsCheck properties are synchronous) with a deadline: a hang is a failure.</summary>
    public static CliRun Run(TestEnvironment env, string[] args)
    {
        var run = Task.Run(() => env.RunAsync(args));
        if (!run.Wait(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException($"the CLI did not end within 60 s for: {Describe(args)}");
        }
        return run.Result;
    }

    public static bool Holds(TestEnvironment env, CliRun run, string[] args)
    {
        var what = Describe(args);
        Assert.True(run.ExitCode is 0 or 1 or 2 or 3 or 130, $"exit {run.ExitCode} for {what}: {run.Stderr}");
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (run.ExitCode == 0)
        {
            Assert.False(lines.Any(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)), $"exit 0 with an error on stderr for {what}: {run.Stderr}");
        }
        else
        {
            Assert.True(lines.Length <= 1, $"{lines.Length} lines on stderr for {what}: {run.Stderr}");
        }
        var all = run.Stdout + run.Stderr;
        Assert.False(all.Contains("   at ", StringComparison.Ordinal), $"a stack trace for {what}: {run.Stderr}");
        Assert.False(run.Stderr.Contains("Exception:", StringComparison.Ordinal), $"an exception's text for {what}: {run.Stderr}");
        Assert.False(all.Contains('\u001b'), $"a raw terminal escape for {what}");
        var accounting = env.Host.Accounting;
        Assert.True(accounting.Leaks == 0 && accounting.WrongThreadCalls == 0, $"after {what}: {accounting}");
        Assert.False(env.Host.IsSnapshotSetCreationInProgress, $"a snapshot-set creation left open after {what}");
        return true;
    }

    public static string Describe(string[] args) => string.Join(' ', args.Select(a => System.Text.Json.JsonSerializer.Serialize(a)));

    /// <summary>Strings a parser should survive: empty, blanks, controls and escapes, quotes, very long, non-ASCII digits and text.</summary>
    public static Gen<string> Hostile { get; } = Gen.OneOf(
        Gen.Elements("", " ", "\t", "\n", "\r\n", "\u001b[31m", "\u0000", "\u202e", "\"", "'", "\\", "{", "}", "[", "]", "${x}", "-", "--",
            "١٢٣", "∞", "NaN", "-1", "0", "1e300", "9223372036854775807", "99999999999999999999999999", "null", "true"),
        Gen.Choose(1, 300_000).Select(n => new string('9', n % 7 == 0 ? n : n % 400)),
        ArbMap.Default.GeneratorFor<string>().Where(s => s is not null));
}
