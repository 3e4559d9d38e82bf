namespace Coordinator.Actors.Jobs;

/// <summary>One backup job: a set of volumes snapshotted together, the writers to involve and the action to run.</summary>
/// <param name="JobId">Unique id, chosen by the caller (the server journals it).</param>
/// <param name="Volumes">Volumes as the user typed them ("C:", "c:\", "D:\"); normalised by <see cref="VolumeNames"/>.</param>
/// <param name="Persistent">Keep the snapshots after the job (they are journaled and must be deleted explicitly).</param>
/// <param name="Timeout">Deadline for the whole job; null means the configured default.</param>
public sealed record BackupJob(
    string JobId,
    IReadOnlyList<string> Volumes,
    WriterFilter Writers,
    BackupAction? Action = null,
    bool Persistent = false,
    TimeSpan? Timeout = null)
{
    public static string NewId() => Guid.NewGuid().ToString("N")[..12];
}

/// <summary>
/// Writers to include or exclude, each entry a writer name, class id or instance id (VShadow's -wi/-wx).
/// An included writer that ends up with no selected component fails the job.
/// </summary>
public sealed record WriterFilter(IReadOnlyList<string> Include, IReadOnlyList<string> Exclude)
{
    public static WriterFilter None { get; } = new([], []);
}
