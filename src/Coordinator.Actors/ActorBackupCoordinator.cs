using System.Collections.Concurrent;
using System.Threading.Channels;
using Akka;
using Akka.Actor;
using Coordinator.Actors.Job;
using Coordinator.Actors.Jobs;
using Coordinator.Vss;

namespace Coordinator.Actors;

/// <summary>
/// Runs jobs through the actors: one job actor per job under the host's <see cref="JobSupervisor"/>.
/// Stopping the actor system stops children before their parents, so a session blocked in a VSS wait would only
/// notice its job ending at that operation's deadline: disposing (and the actor system's coordinated shutdown,
/// before the actors stop) cancels every job first and waits until each has cleaned up.
/// </summary>
public sealed class ActorBackupCoordinator : IBackupCoordinator, IAsyncDisposable
{
    private static readonly TimeSpan ShutdownWait = TimeSpan.FromSeconds(30);

    private readonly Task<IActorRef> _jobs;
    private readonly Task _systemTerminated;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly ConcurrentDictionary<string, Task<BackupResult>> _running = new();

    /// <summary>
    /// Over the host's job supervisor (see <see cref="CoordinatorActors"/>), which a host may start after this is made:
    /// jobs wait for it.
    /// </summary>
    public ActorBackupCoordinator(ActorSystem system, Task<IActorRef> jobs)
    {
        _jobs = jobs;
        _systemTerminated = system.WhenTerminated;
        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseServiceStop, "cancel-backup-jobs", async () =>
        {
            await DisposeAsync().ConfigureAwait(false);
            return Done.Instance;
        });
    }

    /// <summary>Starts the gate and the job supervisor on <paramref name="system"/> (one coordinator per system).</summary>
    public ActorBackupCoordinator(ActorSystem system, IVssFactory factory, CoordinatorSettings settings, ISnapshotJournal? journal = null, TimeProvider? time = null)
        : this(system, Task.FromResult(StartActors(system, factory, settings, journal, time, out var gate)))
    {
        Gate = gate;
    }

    /// <summary>The host-wide gate when this coordinator started it, for diagnostics and tests.</summary>
    public IActorRef? Gate { get; }

    public async Task<BackupResult> RunAsync(BackupJob job, Action<JobProgress>? onProgress, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_shutdown.IsCancellationRequested, this);
        var reply = new TaskCompletionSource<BackupResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Progress is handed over without blocking the job actor and delivered here, off the actors, in order.
        var progress = onProgress is null ? null : Channel.CreateUnbounded<JobProgress>(new UnboundedChannelOptions { SingleReader = true });
        var delivery = progress is null ? Task.CompletedTask : Deliver(progress.Reader, onProgress!);
        _running[job.JobId] = reply.Task;
        try
        {
            // The host may still be starting the supervisor. A token cancelled meanwhile fires at Register below.
            var jobs = await _jobs.WaitAsync(ShutdownWait, CancellationToken.None).ConfigureAwait(false);
            // Told, not asked: a job needs no round trip to start. A cancellation registered after the Tell is enqueued
            // after it, so the supervisor always knows the job it is asked to cancel.
            jobs.Tell(new JobSupervisor.Run(job, reply, progress?.Writer));
            var cancel = new JobSupervisor.Cancel(job.JobId);
            await using var byCaller = cancellationToken.Register(() => jobs.Tell(cancel));
            await using var byShutdown = _shutdown.Token.Register(() => jobs.Tell(cancel));
            // A job told to an actor system that has meanwhile terminated reaches nobody: its caller must not wait forever.
            if (await Task.WhenAny(reply.Task, _systemTerminated).ConfigureAwait(false) != reply.Task)
            {
                reply.TrySetResult(new BackupResult(job.JobId, JobStatus.Cancelled, JobErrors.Cancelled("the actor system stopped before the job ended"),
                    0, null, [], [], [], [], [], "unknown"));
            }
            return await reply.Task.ConfigureAwait(false);
        }
        finally
        {
            progress?.Writer.TryComplete();
            await delivery.ConfigureAwait(false);
            _running.TryRemove(job.JobId, out _);
        }
    }

    private static async Task Deliver(ChannelReader<JobProgress> reader, Action<JobProgress> onProgress)
    {
        await foreach (var progress in reader.ReadAllAsync().ConfigureAwait(false))
        {
            onProgress(progress);
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

    private static IActorRef StartActors(ActorSystem system, IVssFactory factory, CoordinatorSettings settings, ISnapshotJournal? journal, TimeProvider? time, out IActorRef gate)
    {
        gate = CoordinatorActors.StartGate(system, settings);
        return CoordinatorActors.StartJobs(system, gate, factory, settings, journal, time);
    }
}
