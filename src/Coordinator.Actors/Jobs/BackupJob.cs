using Coordinator.Actors.Actions;

namespace Coordinator.Actors.Jobs;

/// <summary>
/// One backup job, validated: a job that exists has normalised, distinct volumes and, for an external program,
/// a program that was found. Built only by <see cref="Create"/> at the edge (CLI, HTTP), so the actors never check
/// it again.
/// </summary>
public sealed record BackupJob
{
    private readonly IReadOnlyList<string> _volumes = [];
    private readonly WriterFilter _writers = WriterFilter.None;
    private readonly BackupAction? _action;
    private readonly TimeSpan? _timeout;

    private BackupJob(string jobId) => JobId = jobId;

    /// <summary>Unique id, chosen by the caller (the server journals it).</summary>
    public string JobId { get; }

    /// <summary>Normalised volumes (<see cref="VolumeNames"/>), each once, in the order given.</summary>
    public IReadOnlyList<string> Volumes
    {
        get => _volumes;
        init => _volumes = VolumeNames.NormalizeSet(value);
    }

    public WriterFilter Writers
    {
        get => _writers;
        init => _writers = CheckWriters(value);
    }

    /// <summary>What runs against the snapshots; an <see cref="ExternalProgramAction"/> holds the resolved program path.</summary>
    public BackupAction? Action
    {
        get => _action;
        init => _action = ResolveAction(value);
    }

    /// <summary>Keep the snapshots after the job (they are journaled and must be deleted explicitly).</summary>
    public bool Persistent { get; init; }

    /// <summary>Deadline for the whole job; null means the configured default.</summary>
    public TimeSpan? Timeout
    {
        get => _timeout;
        init => _timeout = value switch
        {
            { } t when t <= TimeSpan.Zero => throw new JobValidationException($"the timeout must be positive, not {t}", JobField.Timeout),
            { } t when t > DurationLimits.JobTimeout => throw new JobValidationException(
                $"the timeout must be at most {DurationLimits.Describe(DurationLimits.JobTimeout)}, not {t}", JobField.Timeout),
            _ => value,
        };
    }

    public static string NewId() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// Validates and builds a job; throws <see cref="JobValidationException"/> naming the field that is wrong. Every
    /// way of making a job validates, <c>with</c> included (the properties check what they are given), so a job that
    /// exists is valid.
    /// </summary>
    /// <param name="volumes">As the user typed them ("C:", "c:\", "D:\").</param>
    public static BackupJob Create(
        string jobId,
        IReadOnlyList<string> volumes,
        WriterFilter? writers = null,
        BackupAction? action = null,
        bool persistent = false,
        TimeSpan? timeout = null) =>
        new(jobId)
        {
            Volumes = volumes,
            Writers = writers ?? WriterFilter.None,
            Action = action,
            Persistent = persistent,
            Timeout = timeout,
        };

    /// <summary>The writer filter's own check (no empty names, none both included and excluded), for front ends that report every field.</summary>
    public static WriterFilter CheckWriters(WriterFilter filter)
    {
        if (filter.Include.Concat(filter.Exclude).Any(string.IsNullOrWhiteSpace))
        {
            throw new JobValidationException("a writer name is empty: give a writer name, class id or instance id",
                filter.Include.Any(string.IsNullOrWhiteSpace) ? JobField.IncludeWriters : JobField.ExcludeWriters);
        }
        if (filter.Include.Intersect(filter.Exclude, StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } both)
        {
            throw new JobValidationException($"writer '{both}' is both included and excluded: choose one", JobField.ExcludeWriters);
        }
        return filter;
    }

    /// <summary>The action's own check: an external program is resolved to its full path (no shell), its directory must exist.</summary>
    public static BackupAction? ResolveAction(BackupAction? action)
    {
        if (action is not ExternalProgramAction program)
        {
            return action;
        }
        if (string.IsNullOrWhiteSpace(program.Program))
        {
            throw new JobValidationException(program.Arguments.Count > 0
                ? "arguments are given but no program: name the program to run"
                : "no program given: name the program to run against the snapshots", JobField.ActionProgram);
        }
        if (program.WorkingDirectory is { } directory && !Directory.Exists(directory))
        {
            throw new JobValidationException($"working directory '{directory}' does not exist", JobField.ActionWorkingDirectory);
        }
        return program with { Program = ProgramLocator.ResolveOrThrow(program.Program) };
    }
}

/// <summary>
/// Writers to include or exclude, each entry a writer name, class id or instance id (VShadow's -wi/-wx).
/// An included writer that ends up with no selected component fails the job.
/// </summary>
public sealed record WriterFilter(IReadOnlyList<string> Include, IReadOnlyList<string> Exclude)
{
    public static WriterFilter None { get; } = new([], []);
}
