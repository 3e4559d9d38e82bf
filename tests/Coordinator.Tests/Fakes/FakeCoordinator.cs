using System.Diagnostics;
using Coordinator.Actors.Jobs;
using Coordinator.Cli;
using Coordinator.Jobs;
using Coordinator.Output;
using Coordinator.Providers;
using Coordinator.Vss;

namespace Coordinator.Tests.Fakes;

/// <summary>
/// Stands in for the actors in the tests of the executable (CLI, journal, server), which are about what surrounds the
/// coordination; tests with <c>RealStack</c> run the real actors and simulator. Validates volumes and writers against
/// the fake host, journals the set before "DoSnapshotSet", runs the action, releases non-persistent snapshots, honours
/// cancellation with cleanup.
/// </summary>
public sealed class FakeCoordinator(FakeVssHost host, ISnapshotJournal journal) : IBackupCoordinator
{
    /// <summary>Runs during the backup action (after the snapshot set exists); tests block here.</summary>
    public Func<BackupJob, CancellationToken, Task>? DuringAction { get; set; }

    /// <summary>When set, the job fails at DoSnapshotSet with this HRESULT.</summary>
    public int? FailWith { get; set; }

    public async Task<BackupResult> RunAsync(BackupJob job, Action<JobProgress>? onProgress, CancellationToken cancellationToken)
    {
        void Progress(string phase, string? volume = null, string? writer = null) =>
            onProgress?.Invoke(new JobProgress(job.JobId, phase, 1, phase, DateTimeOffset.UtcNow, volume, writer));

        BackupResult Result(JobStatus status, JobError? error, Guid? setId = null, IReadOnlyList<VolumeSnapshot>? volumes = null) =>
            new(job.JobId, status, error, 1, setId, volumes ?? [],
                host.Writers.Select(w => new WriterOutcome(w.WriterName, w.WriterId, w.InstanceId,
                    FailWith is null ? VssWriterState.Stable : VssWriterState.FailedAtFreeze, FailWith ?? 0)).ToList(),
                [], [new PhaseTiming("DoSnapshotSet", TimeSpan.FromMilliseconds(3))], [], "simulated");

        Progress("GatherWriterMetadata");
        var unknown = job.Volumes.FirstOrDefault(v => !host.Volumes.Contains(v, StringComparer.OrdinalIgnoreCase));
        if (unknown is not null)
        {
            return Result(JobStatus.Failed, new JobError(JobErrorKind.Input, "AddToSnapshotSet", HResults.VSS_E_OBJECT_NOT_FOUND, null,
                $"volume '{unknown}' is not on this host (volumes: {string.Join(", ", host.Volumes)})"));
        }
        var unknownWriter = job.Writers.Include.Concat(job.Writers.Exclude)
            .FirstOrDefault(w => !host.Writers.Any(m => m.WriterName.Equals(w, StringComparison.OrdinalIgnoreCase)));
        if (unknownWriter is not null)
        {
            return Result(JobStatus.Failed, new JobError(JobErrorKind.Input, "GatherWriterMetadata", 0, unknownWriter,
                $"writer '{unknownWriter}' is not on this host (writers: {string.Join(", ", host.Writers.Select(w => w.WriterName))})"));
        }

        var setId = Guid.NewGuid();
        var snapshots = job.Volumes.Select(v => (Volume: v, SnapshotId: Guid.NewGuid())).ToList();
        Progress("StartSnapshotSet");
        journal.RecordSnapshotSet(job.JobId, setId, snapshots, job.Persistent);
        foreach (var (volume, _) in snapshots)
        {
            Progress("AddToSnapshotSet", volume);
        }
        Progress("DoSnapshotSet");
        if (FailWith is { } hr)
        {
            journal.MarkSnapshotSetGone(setId, "aborted");
            return Result(JobStatus.Failed, JobError.FromVss(VssException.Create(hr, "DoSnapshotSet", "SqlServerWriter")), setId);
        }
        host.AddSnapshots(setId, snapshots, job.Persistent);
        var mapping = host.Snapshots.Where(s => s.SnapshotSetId == setId)
            .Select(s => new VolumeSnapshot(s.OriginalVolumeName, s.SnapshotId, s.SnapshotDeviceObject)).OrderBy(v => v.Volume).ToList();
        var keep = job.Persistent;
        try
        {
            Progress("BackupAction");
            if (DuringAction is not null)
            {
                await DuringAction(job, cancellationToken);
            }
            if (job.Action is ExternalProgramAction program)
            {
                await RunProgramAsync(program, cancellationToken);
            }
            cancellationToken.ThrowIfCancellationRequested();
            Progress("BackupComplete");
            return Result(JobStatus.Succeeded, null, setId, mapping);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            keep = false;
            return Result(JobStatus.Cancelled, new JobError(JobErrorKind.Cancelled, "BackupAction", 0, null, "the job was cancelled"), setId, mapping);
        }
        finally
        {
            if (!keep)
            {
                host.RemoveSet(setId);
                journal.MarkSnapshotSetGone(setId, "released");
            }
        }
    }

    private static async Task RunProgramAsync(ExternalProgramAction action, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(action.Program) { UseShellExecute = false };
        foreach (var argument in action.Arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{action.Program} exited with {process.ExitCode}");
        }
    }
}

public sealed class FakeCoordinatorFactory(FakeVssHost host) : IBackupCoordinatorFactory
{
    public Func<BackupJob, CancellationToken, Task>? DuringAction { get; set; }

    public int? FailWith { get; set; }

    public IBackupCoordinator Create(ProviderHandle provider, ISnapshotJournal journal, CoordinatorContext context) =>
        new FakeCoordinator(host, journal) { DuringAction = DuringAction, FailWith = FailWith };
}

public sealed class FakeProviderSource(FakeVssHost host) : IVssProviderSource
{
    public ProviderHandle Open(ProviderRequest request)
    {
        if (DefaultProviderSource.Resolve(request) == "windows")
        {
            throw CliException.Environment("--provider windows: the Windows VSS provider needs Windows: use --provider simulated");
        }
        return new ProviderHandle
        {
            Name = "simulated",
            Factory = new FakeVssFactory(host),
            IsSimulated = true,
            Description = DefaultProviderSource.SimulatedDescription,
            Accounting = () => new SimulatorAccountingDocument(0, host.ObjectsCreated, host.ObjectsReleased, host.StatusGathered, host.StatusFreed,
                host.MetadataGathered, host.MetadataFreed, host.Snapshots.Count, host.WrongThreadCalls),
        };
    }
}
