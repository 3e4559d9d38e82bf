namespace Coordinator.Actors.Jobs;

/// <summary>What runs against the snapshots, between DoSnapshotSet and BackupComplete.</summary>
public abstract record BackupAction;

/// <summary>An in-process action (hosts and tests). Throwing or cancelling marks the backup failed.</summary>
public sealed record DelegateBackupAction(Func<SnapshotMapping, CancellationToken, Task> Run) : BackupAction;

/// <summary>
/// An external program started without a shell: <see cref="Arguments"/> are passed as a list, never spliced
/// into a command line. It gets the snapshot mapping as environment variables and as a JSON file.
/// </summary>
public sealed record ExternalProgramAction(
    string Program,
    IReadOnlyList<string> Arguments,
    string? WorkingDirectory = null) : BackupAction;
