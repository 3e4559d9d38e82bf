using System.Text.Json.Serialization;
using Coordinator.Actors.Jobs;
using Coordinator.Core;

namespace Coordinator.Jobs;

/// <summary>
/// A backup job as asked for: the body of POST /api/jobs, what `coordinator backup` builds from its options, and
/// what the journal stores (so a queued job can be started again after a restart). A member it does not have is an
/// error (a typo like "persistant" must not silently give another job), as in scenario files.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record JobRequest
{
    public IReadOnlyList<string>? Volumes { get; init; }

    /// <summary>Optional; when given it must name the server's provider (auto, simulated, windows).</summary>
    public string? Provider { get; init; }

    public bool Persistent { get; init; }

    public IReadOnlyList<string>? IncludeWriters { get; init; }

    public IReadOnlyList<string>? ExcludeWriters { get; init; }

    public ActionRequest? Action { get; init; }

    /// <summary>A duration like "10m"; null means the configured default.</summary>
    public string? Timeout { get; init; }
}

/// <summary>An external program run against the snapshots, without a shell: arguments are a list.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ActionRequest
{
    public string? Program { get; init; }

    public IReadOnlyList<string>? Arguments { get; init; }

    public string? WorkingDirectory { get; init; }
}

/// <summary>A problem with one field of a request: the field in API spelling (e.g. "action.program") and what is wrong.</summary>
public sealed record FieldError(string Field, string Message);

public static class JobRequestValidator
{
    /// <summary>The API's name of each part of a job (what problem details and the journal's requests use).</summary>
    public static string FieldName(JobField field) => field switch
    {
        JobField.Volumes => "volumes",
        JobField.IncludeWriters => "includeWriters",
        JobField.ExcludeWriters => "excludeWriters",
        JobField.ActionProgram => "action.program",
        JobField.ActionWorkingDirectory => "action.workingDirectory",
        JobField.Timeout => "timeout",
        _ => field.ToString(),
    };

    /// <summary>Checks every field of the request and builds the job, or returns the first problem of each field.</summary>
    public static (BackupJob? Job, IReadOnlyList<FieldError> Errors) Validate(JobRequest request, string jobId)
    {
        var errors = new List<FieldError>();
        T? Check<T>(Func<T> check)
        {
            try
            {
                return check();
            }
            catch (JobValidationException ex)
            {
                errors.Add(new FieldError(FieldName(ex.Field), ex.Message));
                return default;
            }
        }

        Check(() => VolumeNames.NormalizeSet(request.Volumes ?? []));
        TimeSpan? timeout = null;
        if (request.Timeout is not null)
        {
            if (DurationParser.TryParse(request.Timeout, Actors.DurationLimits.JobTimeout, out var parsed, out var error))
            {
                timeout = parsed;
            }
            else
            {
                errors.Add(new FieldError("timeout", $"{BoundedText.Quote(request.Timeout)} {error}"));
            }
        }
        var filter = Check(() => BackupJob.CheckWriters(new WriterFilter(request.IncludeWriters ?? [], request.ExcludeWriters ?? [])));
        var action = request.Action is { } a
            ? Check(() => BackupJob.ResolveAction(new ExternalProgramAction(a.Program ?? "", a.Arguments ?? [], a.WorkingDirectory)))
            : null;
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (Check(() => BackupJob.Create(jobId, request.Volumes ?? [], filter, action, request.Persistent, timeout)), errors);
    }

}
