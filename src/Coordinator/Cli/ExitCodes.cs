using Coordinator.Actors.Jobs;
using Coordinator.Core;

namespace Coordinator.Cli;

/// <summary>The process exit codes, documented in --help and the README. Scripts depend on them: never renumber.</summary>
public static class ExitCodes
{
    public const int Succeeded = 0;
    public const int BackupFailed = 1;
    public const int BadInput = 2;
    public const int Environment = 3;

    /// <summary>EX_SOFTWARE of sysexits.h: a bug in the coordinator (an exception nothing handled); the error line names a crash file.</summary>
    public const int InternalError = 70;

    /// <summary>128 + SIGINT, as shells report a Ctrl+C'd program.</summary>
    public const int Cancelled = 130;

    public const string HelpText =
        "Exit codes: 0 succeeded, 1 backup failed, 2 bad usage or input, 3 environment problem (no VSS, no privileges, journal not writable or damaged), 70 internal error (a bug: the error line names a crash file), 130 cancelled (Ctrl+C cancels the job and cleans up).";
}

/// <summary>Maps a finished job, and a core error, to the exit code.</summary>
public static class JobExitCode
{
    public static int For(BackupResult result) => result.Status switch
    {
        JobStatus.Succeeded => ExitCodes.Succeeded,
        JobStatus.Cancelled => ExitCodes.Cancelled,
        _ => result.Error?.Kind switch
        {
            JobErrorKind.Input => ExitCodes.BadInput,
            JobErrorKind.Environment => ExitCodes.Environment,
            JobErrorKind.Cancelled => ExitCodes.Cancelled,
            _ => ExitCodes.BackupFailed,
        },
    };

    /// <summary>A job known only by its document: one the server ran, for the HTTP client commands.</summary>
    public static int For(Output.JsonResultDocument document) => document.Status switch
    {
        "succeeded" => ExitCodes.Succeeded,
        "cancelled" => ExitCodes.Cancelled,
        _ => document.Error?.Kind switch
        {
            "input" => ExitCodes.BadInput,
            "environment" => ExitCodes.Environment,
            "cancelled" => ExitCodes.Cancelled,
            _ => ExitCodes.BackupFailed,
        },
    };

    public static int For(CoordinatorErrorKind kind) => kind switch
    {
        CoordinatorErrorKind.BadInput => ExitCodes.BadInput,
        CoordinatorErrorKind.Environment => ExitCodes.Environment,
        _ => ExitCodes.BackupFailed,
    };
}
