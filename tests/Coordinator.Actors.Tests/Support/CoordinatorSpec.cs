using Coordinator.Actors.Jobs;
using Akka.TestKit.Xunit2;
using Coordinator.Vss;
using Coordinator.Vss.Simulated;

namespace Coordinator.Actors.Tests.Support;

/// <summary>
/// Base of the coordination specs: an actor system with the pinned session dispatcher of config/akka.hocon, a
/// simulated host, fast retry settings, and the two checks every test ends with: no leak, no wrong-thread call.
/// </summary>
public abstract class CoordinatorSpec : TestKit
{
    private bool _checked;

    protected CoordinatorSpec(SimulatedVssHostOptions? options = null)
        : base(DispatcherConfig.Hocon)
    {
        Host = new SimulatedVssHost(options);
        Recorder = new RecordingVssFactory(Host.CreateFactory());
        Settings = FastSettings;
        Journal = new RecordingJournal();
    }

    /// <summary>The shipped settings with short waits and backoffs, so retries and cancellations run in milliseconds.</summary>
    public static CoordinatorSettings FastSettings { get; } = new()
    {
        Timeouts = new OperationTimeouts { WaitSlice = TimeSpan.FromMilliseconds(5) },
        Retry = new RetrySettings
        {
            MaxAttempts = 3,
            MinBackoff = TimeSpan.FromMilliseconds(5),
            MaxBackoff = TimeSpan.FromMilliseconds(20),
            RandomFactor = 0.2,
            SnapshotInProgressDelay = TimeSpan.FromMilliseconds(5),
        },
    };

    protected SimulatedVssHost Host { get; }

    protected RecordingVssFactory Recorder { get; }

    /// <summary>Set before the first use of <see cref="Coordinator"/>, which starts the actors with it.</summary>
    protected CoordinatorSettings Settings { get; set; }

    protected RecordingJournal Journal { get; }

    protected List<JobProgress> Progress { get; } = [];

    private ActorBackupCoordinator? _coordinator;

    protected ActorBackupCoordinator Coordinator => _coordinator ??= new ActorBackupCoordinator(Sys, Recorder, Settings, Journal);

    protected static BackupJob Job(params string[] volumes) => BackupJob.Create(BackupJob.NewId(), volumes);

    protected async Task<BackupResult> RunAsync(BackupJob job, CancellationToken cancellationToken = default)
    {
        var result = await Coordinator.RunAsync(job, p => { lock (Progress) { Progress.Add(p); } }, cancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30));
        return result;
    }

    /// <summary>The checks every coordination test ends with (invariants 1 and 4).</summary>
    protected void AssertCleanHost()
    {
        _checked = true;
        var accounting = Host.Accounting;
        Assert.Equal(0, accounting.WrongThreadCalls);
        Assert.True(accounting.Leaks == 0, $"leaks: {accounting}");
        Assert.Equal(0, accounting.StateViolations);
        Assert.Empty(Recorder.Violations);
    }

    protected override void Dispose(bool disposing)
    {
        try
        {
            if (disposing && !_checked)
            {
                AssertCleanHost();
            }
        }
        finally
        {
            base.Dispose(disposing);
        }
    }
}
