using Coordinator.Cli;
using Coordinator.Tests.Support;

namespace Coordinator.Tests.EndToEnd;

/// <summary>Ctrl+C (SIGINT) on the real process: the job is cancelled, cleans up, and the process exits 130.</summary>
public sealed class SignalTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public void Dispose() => _env.Dispose();

    /// <summary>
    /// Sends SIGINT with the system's kill(1) (what a terminal's Ctrl+C delivers). A runner started in the background
    /// by a non-interactive shell ignores SIGINT, and children inherit that (the runtime keeps an ignored SIGINT
    /// ignored); then SIGTERM, which the coordinator handles the same way, stands in.
    /// </summary>
    private static async Task<int> Interrupt(int pid)
    {
        var signal = SigIntIgnoredHere() ? "-TERM" : "-INT";
        using var kill = System.Diagnostics.Process.Start("kill", [signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        return kill.ExitCode;
    }

    [Fact]
    public async Task Sigint_during_the_action_cancels_cleans_up_and_exits_130()
    {
        var sleepArgument = $"600.{Random.Shared.Next(100000, 999999)}";
        using var child = ChildCoordinator.Start("backup", "C:", "--provider", "simulated", "--journal", _env.JournalPath,
            "--exec", "/bin/sleep", "--exec-arg", sleepArgument, "--json");
        await Poll.UntilAsync(() => IsRunning(sleepArgument) || child.Process.HasExited, "the action to start", TimeSpan.FromSeconds(60));
        Assert.False(child.Process.HasExited, child.Stderr);

        Assert.Equal(0, await Interrupt(child.Process.Id));
        await child.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        child.Process.WaitForExit();

        Assert.Equal(ExitCodes.Cancelled, child.Process.ExitCode);
        Assert.True(child.Stdout.Contains("\"status\": \"cancelled\""), $"stdout: {child.Stdout}\nstderr: {child.Stderr}");
        await Poll.UntilAsync(() => !IsRunning(sleepArgument), "the action's program to end");
    }

    private static bool SigIntIgnoredHere()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & 0x2) != 0;
    }

    private static bool IsRunning(string argument) =>
        Directory.EnumerateDirectories("/proc").Any(dir =>
        {
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                return IsSleep(cmdline, argument);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        });

    /// <summary>The sleep itself (argv[0] is sleep), not a coordinator whose own command line mentions it.</summary>
    private static bool IsSleep(string cmdline, string argument)
    {
        var argv = cmdline.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        return argv.Length >= 2 && Path.GetFileName(argv[0]) == "sleep" && argv[1] == argument;
    }
}
