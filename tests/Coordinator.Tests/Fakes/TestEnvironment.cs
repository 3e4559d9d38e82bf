using Coordinator.Cli;

namespace Coordinator.Tests.Fakes;

/// <summary>A temp directory, a fake VSS host and the CLI wired to them; runs the CLI in-process with captured output.</summary>
public sealed class TestEnvironment : IDisposable
{
    public TestEnvironment()
    {
        Directory = Path.Combine(Path.GetTempPath(), "coordinator-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Factory = new FakeCoordinatorFactory(Host);
    }

    public string Directory { get; }

    public string JournalPath => Path.Combine(Directory, "journal.db");

    public FakeVssHost Host { get; } = new();

    public FakeCoordinatorFactory Factory { get; }

    /// <summary>Use the real pieces (actors + simulated provider) instead of the fakes.</summary>
    public bool RealStack { get; init; }

    public CliDependencies Dependencies => RealStack ? CliDependencies.Default : new(new FakeProviderSource(Host), Factory);

    public async Task<CliRun> RunAsync(string[] args, CancellationToken cancellationToken = default, SyncWriter? output = null)
    {
        var stdout = output ?? new SyncWriter();
        var stderr = new SyncWriter();
        var app = new CliApp(new CliConsole(stdout, stderr, interactive: false), Dependencies);
        var exit = await app.RunAsync([.. args, .. JournalArgs(args)], cancellationToken);
        return new CliRun(exit, stdout.Text, stderr.Text);
    }

    /// <summary>Every command that has --journal gets this test's file, so tests never share a journal.</summary>
    private string[] JournalArgs(string[] args) =>
        args.Length > 0 && (args[0] is "backup" or "serve" || (args[0] == "snapshots" && args.Length > 1 && args[1] is "list" or "delete"))
            && !args.Contains("--journal")
            ? ["--journal", JournalPath]
            : [];

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the OS temp cleaner gets it.
        }
    }
}

public sealed record CliRun(int ExitCode, string Stdout, string Stderr);

/// <summary>A StringWriter safe to read while another thread writes (the server writes its address from its own task).</summary>
public sealed class SyncWriter : StringWriter
{
    private readonly Lock _lock = new();

    public string Text
    {
        get
        {
            lock (_lock)
            {
                return ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_lock)
        {
            base.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_lock)
        {
            base.Write(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_lock)
        {
            base.Write(buffer, index, count);
        }
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(char[] buffer, int index, int count)
    {
        WriteLine(new string(buffer, index, count));
        return Task.CompletedTask;
    }

    public override Task FlushAsync() => Task.CompletedTask;
}

public static class Poll
{
    /// <summary>Polls until <paramref name="condition"/> holds or the deadline passes (no sleeps as synchronisation).</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("timed out waiting for " + what);
            }
            await Task.Delay(20);
        }
    }

    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("timed out waiting for " + what);
            }
            await Task.Delay(20);
        }
    }
}
