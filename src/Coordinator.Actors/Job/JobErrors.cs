using Coordinator.Actors.Actions;
using Coordinator.Actors.Jobs;
using Coordinator.Actors.Session;
using Coordinator.Vss;

namespace Coordinator.Actors.Job;

/// <summary>The <see cref="JobError"/> a job ends with, from the exception that ended it.</summary>
internal static class JobErrors
{
    public static JobError Of(Exception cause) => cause switch
    {
        JobValidationException input => Input(input),
        VssNotAvailableException or VssAccessDeniedException => JobError.FromVss((VssException)cause, JobErrorKind.Environment),
        VssException vss => JobError.FromVss(vss),
        VssOperationTimeoutException timeout => new JobError(JobErrorKind.Timeout, timeout.Operation, 0, null, timeout.Message),
        BackupActionFailedException action => new JobError(JobErrorKind.Action, "BackupAction", 0, null, action.Message)
        {
            ExitCode = action.ExitCode,
        },
        _ => new JobError(JobErrorKind.Vss, "Session", 0, null, cause.Message),
    };

    public static JobError Input(JobValidationException ex) => new(JobErrorKind.Input, ex.Operation, ex.VssHResult, null, ex.Message)
    {
        Field = ex.Field,
    };

    /// <summary>The job's deadline passed: names the step it stopped ("timed out in DoSnapshotSet after 3 s").</summary>
    public static JobError Timeout(string operation, TimeSpan timeout) =>
        new(JobErrorKind.Timeout, operation, 0, null, $"timed out in {operation} after {Describe(timeout)}: the job was cancelled and cleaned up");

    public static JobError Cancelled(string message) => new(JobErrorKind.Cancelled, "Job", 0, null, message);

    /// <summary>A bug ended the job (an actor threw): the job fails, naming the exception, rather than leave its caller waiting.</summary>
    public static JobError Internal(Exception cause) =>
        new(JobErrorKind.Vss, "Job", 0, null, $"internal error: {cause.GetType().Name}: {cause.Message} (a bug in the coordinator; the log has the details)");

    /// <summary>"250 ms", "3 s", "1.5 s", "30 min", "2 h 5 min": a duration as a person writes it.</summary>
    public static string Describe(TimeSpan duration) => duration switch
    {
        { TotalSeconds: < 1 } => $"{duration.TotalMilliseconds:0.##} ms",
        { TotalMinutes: < 1 } => $"{duration.TotalSeconds:0.##} s",
        { TotalHours: < 1 } when duration.Seconds == 0 => $"{duration.TotalMinutes:0} min",
        { TotalHours: < 1 } => $"{(int)duration.TotalMinutes} min {duration.Seconds} s",
        _ when duration.Minutes == 0 => $"{(int)duration.TotalHours} h",
        _ => $"{(int)duration.TotalHours} h {duration.Minutes} min",
    };
}
