using Coordinator.Actors.Actions;
using Coordinator.Actors.Jobs;
using Coordinator.Cli;

namespace Coordinator.Jobs;

/// <summary>
/// A backup job as asked for: the body of POST /api/jobs, what `coordinator backup` builds from its options, and
/// what the journal stores (so a queued job can be started again after a restart).
/// </summary>
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
    /// <summary>Checks the request and builds the job, or returns the first problem per field.</summary>
    public static (BackupJob? Job, IReadOnlyList<FieldError> Errors) Validate(JobRequest request, string jobId)
    {
        var errors = new List<FieldError>();
        IReadOnlyList<string> volumes = [];
        try
        {
            volumes = VolumeNames.NormalizeSet(request.Volumes ?? []);
        }
        catch (JobValidationException ex)
        {
            errors.Add(new FieldError("volumes", ex.Message));
        }

        TimeSpan? timeout = null;
        if (request.Timeout is not null)
        {
            if (DurationParser.TryParse(request.Timeout, out var parsed))
            {
                timeout = parsed;
            }
            else
            {
                errors.Add(new FieldError("timeout", $"'{request.Timeout}' is not a duration: use e.g. 90s, 10m, 1h30m"));
            }
        }

        CheckWriters(request.IncludeWriters, "includeWriters", errors);
        CheckWriters(request.ExcludeWriters, "excludeWriters", errors);
        var overlap = (request.IncludeWriters ?? []).Intersect(request.ExcludeWriters ?? [], StringComparer.OrdinalIgnoreCase).FirstOrDefault();
        if (overlap is not null)
        {
            errors.Add(new FieldError("excludeWriters", $"writer '{overlap}' is both included and excluded: choose one"));
        }

        BackupAction? action = null;
        if (request.Action is { } a)
        {
            if (string.IsNullOrWhiteSpace(a.Program))
            {
                errors.Add(new FieldError("action.program", a.Arguments is { Count: > 0 }
                    ? "arguments are given but no program: name the program to run"
                    : "no program given: name the program to run against the snapshots"));
            }
            else if (ProgramLocator.Resolve(a.Program) is not { } resolved)
            {
                errors.Add(new FieldError("action.program",
                    $"program '{a.Program}' not found: it is not an executable file and not on PATH (no shell is used: give the program itself)"));
            }
            else if (a.WorkingDirectory is not null && !Directory.Exists(a.WorkingDirectory))
            {
                errors.Add(new FieldError("action.workingDirectory", $"directory '{a.WorkingDirectory}' does not exist"));
            }
            else
            {
                action = new ExternalProgramAction(resolved, a.Arguments ?? [], a.WorkingDirectory);
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var filter = new WriterFilter(request.IncludeWriters ?? [], request.ExcludeWriters ?? []);
        return (new BackupJob(jobId, volumes, filter, action, request.Persistent, timeout), errors);
    }

    private static void CheckWriters(IReadOnlyList<string>? writers, string field, List<FieldError> errors)
    {
        if (writers?.FirstOrDefault(string.IsNullOrWhiteSpace) is not null)
        {
            errors.Add(new FieldError(field, "a writer name is empty: give a writer name, class id or instance id"));
        }
    }
}
