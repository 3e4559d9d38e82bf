using Coordinator.Actors.Jobs;
using Coordinator.Actors.Tests.Support;
using Akka.Actor;
using Akka.Configuration;
using Coordinator.Vss;
using Coordinator.Vss.Simulated;

namespace Coordinator.Actors.Tests.Soak;

/// <summary>
/// One lane of the soak = one simulated machine: its own host, actor system and coordinator, running one job at
/// a time. Faults on a simulated host are host-wide (a fault "once" hits whichever object calls first), so only
/// a host of its own makes each job's outcome follow from its own drawn fault; sixteen lanes give sixteen jobs
/// at once through sixteen pinned session threads.
/// </summary>
public sealed class SoakLane : IAsyncDisposable
{
    public const string ThreadPrefix = "soak-session";

    /// <summary>Deadline of every asynchronous operation: short, so blocked ones time out fast.</summary>
    public static readonly TimeSpan OperationDeadline = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // The prefix lets the soak count its own session threads only.
    private const string Hocon = $$"""
        akka.actor.vss-session-dispatcher.thread-name-prefix = "{{ThreadPrefix}}"
        """;

    private readonly ActorSystem _system;

    // Operation deadlines differ by scenario and settings are immutable: two coordinators over the lane's one gate.
    private readonly ActorBackupCoordinator _fast;
    private readonly ActorBackupCoordinator _patient;

    public SoakLane(int number)
    {
        _system = ActorSystem.Create($"soak-lane-{number}", ConfigurationFactory.ParseString(Hocon).WithFallback(ConfigurationFactory.ParseString(DispatcherConfig.Hocon)));
        Host = new SimulatedVssHost();
        // The specs' fast settings with the soak's shorter backoffs and deadlines.
        var fast = CoordinatorSpec.FastSettings;
        Settings = fast with
        {
            Timeouts = WithDeadlines(OperationDeadline),
            Retry = fast.Retry with
            {
                MinBackoff = TimeSpan.FromMilliseconds(2),
                MaxBackoff = TimeSpan.FromMilliseconds(10),
                SnapshotInProgressDelay = TimeSpan.FromMilliseconds(2),
            },
        };
        var gate = CoordinatorActors.StartGate(_system, Settings);
        var factory = Host.CreateFactory();
        _fast = new ActorBackupCoordinator(_system, Task.FromResult(CoordinatorActors.StartJobs(_system, gate, factory, Settings)));
        _patient = new ActorBackupCoordinator(_system,
            Task.FromResult(CoordinatorActors.StartJobs(_system, gate, factory, Settings with { Timeouts = WithDeadlines(Patience) }, name: "patient-jobs")));
    }

    public SimulatedVssHost Host { get; }

    public CoordinatorSettings Settings { get; }

    /// <summary>Runs one job under <paramref name="scenario"/>; null when its outcome and the host are as promised, else why not.</summary>
    public async Task<(BackupResult? Result, string? Mismatch)> RunAsync(SoakScenario scenario)
    {
        // A cancelled job must meet its cancellation before any deadline: a loaded machine may take longer than
        // 100 ms to hand it over.
        var coordinator = scenario is Cancellation ? _patient : _fast;
        using var cancellation = new CancellationTokenSource();
        var actionStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var contended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var job = BackupJob.Create(BackupJob.NewId(), [@"C:\", @"D:\"], action: ActionFor(scenario, actionStarted));
        OperationGate? gate = null;
        ForeignRequester? foreign = null;
        switch (scenario)
        {
            case CallFailure f:
                Host.Faults.Add(new CallFault(f.Step, f.HResult, f.Times));
                break;
            case WriterFailure w:
                Host.Faults.Add(new WriterFault(WriterFailure.Writer, w.Phase, w.HResult));
                break;
            case OperationTimeout t:
                gate = Host.Faults.Block(t.Operation);
                break;
            case Cancellation { Operation: { } operation }:
                gate = Host.Faults.Block(operation);
                break;
            case ForeignContention:
                foreign = await ForeignRequester.StartAsync(Host);
                break;
        }

        void OnProgress(JobProgress p)
        {
            if (p.Phase == "StartSnapshotSet" && p.Message.Contains("another requester", StringComparison.Ordinal))
            {
                contended.TrySetResult();
            }
        }

        try
        {
            var run = coordinator.RunAsync(job, OnProgress, cancellation.Token);
            if (scenario is Cancellation c)
            {
                var reached = c.Operation is null
                    ? await Within(actionStarted.Task)
                    : await Signalled(gate!.Entered);
                if (!reached)
                {
                    return (null, $"{c.Operation ?? "the action"} was never reached");
                }
                cancellation.Cancel();
            }
            if (foreign is not null)
            {
                if (!await Within(contended.Task))
                {
                    return (null, "the job never met the foreign requester's snapshot set");
                }
                foreign.Release();
            }
            if (!await Within(run))
            {
                return (null, $"no result within {Patience.TotalSeconds} s");
            }
            var result = await run;
            return (result, scenario.Expected(Settings.Retry.MaxAttempts).Mismatch(result));
        }
        finally
        {
            // Clear also opens a closed gate, so nothing stays blocked into the next job.
            Host.Faults.Clear();
            foreign?.Release();
            foreign?.Join();
        }
    }

    private static OperationTimeouts WithDeadlines(TimeSpan deadline) => new()
    {
        WaitSlice = TimeSpan.FromMilliseconds(5),
        GatherWriterMetadata = deadline,
        PrepareForBackup = deadline,
        DoSnapshotSet = deadline,
        BackupComplete = deadline,
        GatherWriterStatus = deadline,
    };

    private static BackupAction? ActionFor(SoakScenario scenario, TaskCompletionSource started) => scenario switch
    {
        ActionFailure => new DelegateBackupAction((_, _) => throw new InvalidOperationException("soak: the backup action failed")),
        Cancellation { Operation: null } => new DelegateBackupAction(async (_, token) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, token);
        }),
        _ => null,
    };

    /// <summary>
    /// Waits for the handle without blocking a pool thread: blocked pool threads make the pool inject more, and
    /// their growth would show in the heap the soak checks for flatness.
    /// </summary>
    private static Task<bool> Signalled(WaitHandle handle)
    {
        var signalled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        RegisteredWaitHandle? registration = null;
        registration = ThreadPool.RegisterWaitForSingleObject(
            handle,
            (_, timedOut) =>
            {
                signalled.TrySetResult(!timedOut);
            },
            null,
            Patience,
            executeOnlyOnce: true);
        return signalled.Task.ContinueWith(t =>
        {
            registration.Unregister(null);
            return t.Result;
        }, TaskScheduler.Default);
    }

    private static async Task<bool> Within(Task task)
    {
        try
        {
            await task.WaitAsync(Patience);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _fast.DisposeAsync();
        await _patient.DisposeAsync();
        await _system.Terminate();
    }

    /// <summary>Another requester on the same machine, on its own thread as COM requires, holding the creation slot.</summary>
    private sealed class ForeignRequester
    {
        private readonly ManualResetEventSlim _release = new();
        private readonly Thread _thread;

        private ForeignRequester(SimulatedVssHost host, TaskCompletionSource ready)
        {
            _thread = new Thread(() =>
            {
                try
                {
                    using var components = host.CreateFactory().CreateVssBackupComponents();
                    components.InitializeForBackup();
                    components.SetBackupState(false, false, VssBackupType.Full, false);
                    components.StartSnapshotSet();
                    ready.SetResult();
                    _release.Wait();
                    components.AbortBackup();
                }
                catch (Exception ex)
                {
                    ready.TrySetException(ex);
                }
            }) { IsBackground = true, Name = "soak-foreign-requester" };
            _thread.Start();
        }

        public static async Task<ForeignRequester> StartAsync(SimulatedVssHost host)
        {
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var foreign = new ForeignRequester(host, ready);
            await ready.Task.WaitAsync(Patience);
            return foreign;
        }

        public void Release() => _release.Set();

        public void Join()
        {
            _thread.Join();
            _release.Dispose();
        }
    }
}
