using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Coordinator.Bench.Server;

/// <summary>
/// A real `coordinator serve` child process (the coordinator.dll built beside the bench), on a fresh journal in a temp
/// directory, with the zero-latency simulator and no authentication on 127.0.0.1. Optionally under
/// `strace -f -c` counting the named system calls; the counts are read when the server has stopped.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private const int Sigterm = 15;
    private readonly Process _process;
    private readonly string? _straceOutput;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process, string directory, string? straceOutput)
    {
        _process = process;
        Directory = directory;
        _straceOutput = straceOutput;
    }

    public string Directory { get; }

    public string JournalPath => Path.Combine(Directory, "journal.db");

    /// <summary>The server's own process id (under strace, strace's child).</summary>
    public int ServerPid { get; private set; }

    public Uri BaseAddress { get; private set; } = null!;

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex Listening();

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    /// <param name="straceCalls">System calls to count with `strace -f -c` (null: no strace).</param>
    public static async Task<ServerProcess> StartAsync(int maxConcurrentJobs, IReadOnlyList<string>? straceCalls = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "coordinator-bench-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        var dll = Path.Combine(AppContext.BaseDirectory, "coordinator.dll");
        string[] serve = ["serve", "--urls", "http://127.0.0.1:0", "--insecure-no-auth", "--journal", Path.Combine(directory, "journal.db"),
            "--provider", "simulated", "--max-concurrent-jobs", maxConcurrentJobs.ToString(CultureInfo.InvariantCulture)];
        var straceOutput = straceCalls is null ? null : Path.Combine(directory, "strace.txt");
        var start = straceCalls is null
            ? new ProcessStartInfo("dotnet")
            : new ProcessStartInfo("strace");
        if (straceCalls is not null)
        {
            // --seccomp-bpf: only the counted calls stop the process, so tracing barely slows the rest.
            foreach (var arg in new[] { "-f", "-c", "--seccomp-bpf", "-e", "trace=" + string.Join(',', straceCalls), "-o", straceOutput!, "dotnet" })
            {
                start.ArgumentList.Add(arg);
            }
        }
        start.ArgumentList.Add(dll);
        foreach (var arg in serve)
        {
            start.ArgumentList.Add(arg);
        }
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment["DOTNET_gcServer"] = "0";
        var process = new Process { StartInfo = start };
        var server = new ServerProcess(process, directory, straceOutput);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && Listening().Match(line) is { Success: true } m)
            {
                server._listening.TrySetResult(new Uri(m.Groups[1].Value.TrimEnd('/') + "/"));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line && !line.Contains("info:", StringComparison.Ordinal))
            {
                Console.Error.WriteLine("  server: " + line);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(server._listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(120)));
        if (first != server._listening.Task)
        {
            throw new InvalidOperationException($"the server did not start ({(process.HasExited ? $"exited {process.ExitCode}" : "no 'listening on' line in 120 s")})");
        }
        server.BaseAddress = server._listening.Task.Result;
        server.ServerPid = straceCalls is null ? process.Id : await ChildOfAsync(process.Id);
        return server;
    }

    /// <summary>Resident set size of the server, from /proc.</summary>
    public long RssBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{ServerPid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException("no VmRSS for the server");
    }

    /// <summary>User + system CPU time the server has used so far.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{ServerPid}/stat");
        // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }

    /// <summary>Stops the server with SIGTERM (a graceful stop: the journal is checkpointed) and waits for it.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }
        kill(ServerPid, Sigterm);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>strace's count per system call, after <see cref="StopAsync"/>.</summary>
    public IReadOnlyDictionary<string, long> SyscallCounts()
    {
        var counts = new Dictionary<string, long>();
        if (_straceOutput is null)
        {
            return counts;
        }
        foreach (var line in File.ReadLines(_straceOutput))
        {
            // "% time  seconds  usecs/call  calls  [errors]  syscall": calls is the fourth column.
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length >= 5 && double.TryParse(cells[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                && long.TryParse(cells[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var calls))
            {
                counts[cells[^1]] = calls;
            }
        }
        return counts;
    }

    /// <summary>Bytes of the journal's files (database and WAL) now.</summary>
    public long JournalBytes() =>
        new DirectoryInfo(Directory).EnumerateFiles("journal.db*").Sum(f => f.Length);

    private static async Task<int> ChildOfAsync(int pid)
    {
        for (var i = 0; i < 200; i++)
        {
            var children = $"/proc/{pid}/task/{pid}/children";
            if (File.Exists(children) && File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var child, ..])
            {
                return int.Parse(child, CultureInfo.InvariantCulture);
            }
            await Task.Delay(50);
        }
        throw new InvalidOperationException("strace started no server process");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        finally
        {
            _process.Dispose();
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
