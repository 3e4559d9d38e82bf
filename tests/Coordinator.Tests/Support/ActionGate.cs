using System.Diagnostics;

namespace Coordinator.Tests.Support;

/// <summary>
/// A backup action the test holds open, in place of a delegate run inside a fake coordinator: the job's program is
/// <c>/bin/cat FIFO</c> (no shell), which blocks reading a named pipe. The test's side opens the pipe for writing;
/// that open returns exactly when the action has started (<see cref="WaitEnteredAsync"/>), and closing it gives cat
/// its end of file, so the action exits 0 (<see cref="Release"/>). Cancelling the job kills cat.
/// </summary>
public sealed class ActionGate : IDisposable
{
    private readonly Task<FileStream> _writer;

    public ActionGate(string directory, string name = "action")
    {
        Fifo = Path.Combine(directory, $"{name}-{Guid.NewGuid():N}.fifo");
        using (var mkfifo = Process.Start("mkfifo", [Fifo]))
        {
            mkfifo.WaitForExit();
            if (mkfifo.ExitCode != 0)
            {
                throw new InvalidOperationException($"mkfifo {Fifo} exited {mkfifo.ExitCode}");
            }
        }
        // Opening a FIFO for writing blocks until a reader opens it: a thread of its own, not the pool's.
        _writer = Task.Factory.StartNew(() => new FileStream(Fifo, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public string Fifo { get; }

    public const string Program = "/bin/cat";

    /// <summary>The CLI options that make this the job's action.</summary>
    public string[] ExecOptions => ["--exec", Program, "--exec-arg", Fifo];

    /// <summary>The action of an API job request.</summary>
    public object Action => new { program = Program, arguments = new[] { Fifo } };

    /// <summary>The action's program has opened the pipe: the snapshot set exists and the action runs.</summary>
    public bool Entered => _writer.IsCompletedSuccessfully;

    public Task WaitEnteredAsync(TimeSpan? timeout = null) => _writer.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));

    public bool Released { get; private set; }

    /// <summary>Lets the action finish successfully (cat reads end of file and exits 0).</summary>
    public void Release()
    {
        Released = true;
        _writer.Result.Dispose();
    }

    public void Dispose()
    {
        if (!_writer.IsCompleted)
        {
            // The action never started: become the reader so the pending open returns and its thread ends.
            using var reader = new FileStream(Fifo, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            _writer.Wait();
        }
        if (!Released && _writer.IsCompletedSuccessfully)
        {
            _writer.Result.Dispose();
        }
    }
}
