using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Coordinator.Tests.EndToEnd;

/// <summary>The built coordinator (coordinator.dll beside the tests) run as a child process: `dotnet coordinator.dll ...`.</summary>
public sealed partial class ChildCoordinator : IDisposable
{
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private ChildCoordinator(Process process)
    {
        Process = process;
    }

    public Process Process { get; }

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex Listening();

    public static ChildCoordinator Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    public static ChildCoordinator Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "coordinator.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Remove("COORDINATOR_TOKEN");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var process = new Process { StartInfo = start };
        var child = new ChildCoordinator(process);
        process.OutputDataReceived += (_, e) =>
        {
            lock (child._stdout)
            {
                child._stdout.AppendLine(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (child._stderr)
            {
                child._stderr.AppendLine(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var child = Start(args);
        await child.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        child.Process.WaitForExit(); // drains the redirected streams
        return (child.Process.ExitCode, child.Stdout, child.Stderr);
    }

    /// <summary>Waits for the server's "listening on" line.</summary>
    public async Task<Uri> WaitForListeningAsync()
    {
        await Support.Poll.UntilAsync(() => Listening().IsMatch(Stdout) || Process.HasExited, "the child server to listen", TimeSpan.FromSeconds(60));
        if (Process.HasExited)
        {
            throw new InvalidOperationException($"the server exited {Process.ExitCode}: {Stderr}");
        }
        return new Uri(Listening().Match(Stdout).Groups[1].Value.TrimEnd('/') + "/");
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }
        Process.Dispose();
    }
}
