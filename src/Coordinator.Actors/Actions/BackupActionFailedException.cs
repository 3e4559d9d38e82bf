namespace Coordinator.Actors.Actions;

/// <summary>The backup action failed: a non-zero exit code (with the tail of stderr) or an exception.</summary>
internal sealed class BackupActionFailedException : Exception
{
    public BackupActionFailedException(string message, int? exitCode, string? stderrTail, Exception? inner = null)
        : base(message, inner)
    {
        ExitCode = exitCode;
        StderrTail = stderrTail;
    }

    /// <summary>The external program's exit code; null for an in-process action.</summary>
    public int? ExitCode { get; }

    /// <summary>The last lines the program wrote to stderr, for the job's error.</summary>
    public string? StderrTail { get; }
}
