using System.Collections.Concurrent;
using Coordinator.Actors.Gate;
using Coordinator.Actors.Jobs;
using Coordinator.Actors.VolumeSet;
using Coordinator.Kernel.Actor;
using Coordinator.Vss;

namespace Coordinator.Actors;

/// <summary>
/// Runs jobs through the actors: one host-wide <see cref="SnapshotGate"/>, one <see cref="VolumeSetActor"/> per job.
/// Dispose it before terminating the actor system: terminating stops children before their parents, so a session
/// blocked in a VSS wait would only notice its job ending at that operation's deadline. Disposing cancels every job
/// first and waits until each has cleaned up.
/// </summary>
public sealed class ActorBackupCoordinator : IBackupCoordinator, IAsyncDisposable
{
    private static readonly TimeSpan ShutdownWait = TimeSpan.FromSeconds(30);

    private readonly ActorSystem _system;
    private readonly IVssFactory _factory;
    private readonly CoordinatorSettings _settings;
    private readonly ISnapshotJournal _journal;
    private readonly TimeProvider _time;
    private readonly IActorRef _gate;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly ConcurrentDictionary<string, Task<BackupResult>> _running = new();

    public ActorBackupCoordinator(ActorSystem system, IVssFactory factory, CoordinatorSettings settings, ISnapshotJournal? journal = null, TimeProvider? time = null)
    {
        _system = system;
        _factory = factory;
        _settings = settings;
        _journal = journal ?? NullSnapshotJournal.Instance;
        _time = time ?? TimeProvider.System;
        _gate = system.ActorOf(SnapshotGate.Props().WithDispatcher(settings.GateDispatcher), "snapshot-gate");
    }

    /// <summary>The host-wide gate, for diagnostics and tests.</summary>
    public IActorRef Gate => _gate;

    public IVssFactory Factory => _factory;

    public async Task<BackupResult> RunAsync(BackupJob job, Action<JobProgress>? onProgress, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_shutdown.IsCancellationRequested, this);
        var reply = new TaskCompletionSource<BackupResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var spec = new VolumeSetSpec(job, _factory, _settings, _journal, _gate, _time, reply, onProgress);
        var actor = _system.ActorOf(VolumeSetActor.Props(spec), $"job-{job.JobId}");
        _running[job.JobId] = reply.Task;
        try
        {
            await using var byCaller = cancellationToken.Register(() => actor.Tell(VolumeSetActor.CancelJob.Instance));
            await using var byShutdown = _shutdown.Token.Register(() => actor.Tell(VolumeSetActor.CancelJob.Instance));
            return await reply.Task.ConfigureAwait(false);
        }
        finally
        {
            _running.TryRemove(job.JobId, out _);
        }
    }

    /// <summary>Cancels every running job and waits (up to 30 s) until each has cleaned up and answered.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_shutdown.IsCancellationRequested)
        {
            return;
        }
        await _shutdown.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_running.Values).WaitAsync(ShutdownWait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Terminating the system still reaches every session's PostStop, which cleans up on its own thread.
        }
    }
}
