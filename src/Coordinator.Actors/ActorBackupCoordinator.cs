using Coordinator.Actors.Gate;
using Coordinator.Actors.Jobs;
using Coordinator.Actors.VolumeSet;
using Coordinator.Kernel.Actor;
using Coordinator.Vss;

namespace Coordinator.Actors;

/// <summary>
/// Runs jobs through the actors: one host-wide <see cref="SnapshotGate"/>, one <see cref="VolumeSetActor"/> per job.
/// </summary>
public sealed class ActorBackupCoordinator : IBackupCoordinator
{
    private readonly ActorSystem _system;
    private readonly IVssFactory _factory;
    private readonly CoordinatorSettings _settings;
    private readonly ISnapshotJournal _journal;
    private readonly TimeProvider _time;
    private readonly IActorRef _gate;

    public ActorBackupCoordinator(ActorSystem system, IVssFactory factory, CoordinatorSettings settings, ISnapshotJournal? journal = null, TimeProvider? time = null)
    {
        _system = system;
        _factory = factory;
        _settings = settings;
        _journal = journal ?? NullSnapshotJournal.Instance;
        _time = time ?? TimeProvider.System;
        _gate = system.ActorOf(SnapshotGate.Props(), "snapshot-gate");
    }

    /// <summary>The host-wide gate, for diagnostics and tests.</summary>
    public IActorRef Gate => _gate;

    public IVssFactory Factory => _factory;

    public async Task<BackupResult> RunAsync(BackupJob job, Action<JobProgress>? onProgress, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<BackupResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var spec = new VolumeSetSpec(job, _factory, _settings, _journal, _gate, _time, reply, onProgress);
        var actor = _system.ActorOf(VolumeSetActor.Props(spec), $"job-{job.JobId}");
        await using var registration = cancellationToken.Register(() => actor.Tell(VolumeSetActor.CancelJob.Instance));
        return await reply.Task.ConfigureAwait(false);
    }
}
