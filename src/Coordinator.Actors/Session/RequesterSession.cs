using System.Diagnostics;
using Coordinator.Actors.Jobs;
using Coordinator.Actors.Selection;
using Coordinator.Vss;

namespace Coordinator.Actors.Session;

/// <summary>
/// One VSS backup session: exactly one <see cref="IVssBackupComponents"/> and the requester sequence of
/// docs/vss-reference.md#requester-sequence as separate steps. Not thread-safe by design: every call, including <see cref="Cleanup"/>,
/// must come from the thread that created it (the SessionActor's pinned thread), because the components
/// object is a COM object bound to that thread.
/// </summary>
internal sealed partial class RequesterSession
{
    private readonly IVssFactory _factory;
    private readonly BackupJob _job;
    private readonly IReadOnlyList<string> _volumes;
    private readonly CoordinatorSettings _settings;
    private readonly ISnapshotJournal _journal;
    private readonly TimeProvider _time;
    private readonly Action<string, string, string?, string?> _progress;
    private readonly List<PhaseTiming> _timings = [];
    private readonly List<string> _warnings = [];
    private readonly Dictionary<string, Guid> _snapshotIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<VolumeSnapshot> _mapping = [];
    private readonly int _ownerThread = Environment.CurrentManagedThreadId;

    private IVssBackupComponents? _components;
    private ComponentSelection? _selection;
    private IReadOnlyList<VssWriterStatusInfo> _lastStatus = [];
    private Guid? _snapshotSetId;
    private string _operation = "Create";

    // Cleanup obligations, each cleared the moment it is met (see Cleanup for the ladder).
    private bool _metadataHeld;
    private bool _statusHeld;
    private bool _inCreationWindow;
    private bool _snapshotsExist;
    private bool _backupSucceeded;

    /// <param name="volumes">Normalised volumes (VolumeNames.NormalizeSet).</param>
    /// <param name="progress">(phase, message, volume, writer) for progress events.</param>
    public RequesterSession(
        IVssFactory factory,
        BackupJob job,
        IReadOnlyList<string> volumes,
        CoordinatorSettings settings,
        ISnapshotJournal journal,
        TimeProvider time,
        Action<string, string, string?, string?> progress)
    {
        _factory = factory;
        _job = job;
        _volumes = volumes;
        _settings = settings;
        _journal = journal;
        _time = time;
        _progress = progress;
    }

    public Guid? SnapshotSetId => _snapshotSetId;

    /// <summary>The VSS operation in progress or last begun: what a cancellation or a deadline interrupted.</summary>
    public string CurrentOperation => _operation;

    /// <summary>DoSnapshotSet returned successfully: the creation window is closed.</summary>
    public bool SnapshotsCreated => _snapshotsExist;

    public IReadOnlyList<VolumeSnapshot> Mapping => _mapping;

    public SessionOutcome Outcome() => new(
        _snapshotSetId,
        _mapping.ToList(),
        _lastStatus.Select(s => new WriterOutcome(s.Name, s.ClassId, s.InstanceId, s.State, s.Failure)).ToList(),
        _selection?.Outcomes.ToList() ?? [],
        _timings.ToList(),
        _warnings.ToList());

    private IVssBackupComponents Components => _components ?? throw new InvalidOperationException("the session is not initialised");

    private void Timed(string phase, Action step)
    {
        Debug.Assert(Environment.CurrentManagedThreadId == _ownerThread, "a session is used from one thread only");
        var started = _time.GetTimestamp();
        _operation = phase;
        try
        {
            step();
        }
        finally
        {
            _timings.Add(new PhaseTiming(phase, _time.GetElapsedTime(started)));
        }
    }

    /// <summary>
    /// Waits for an asynchronous operation on the owning thread, in slices so that cancellation and the
    /// operation's deadline are noticed. Wait succeeding says nothing of the outcome: QueryStatus decides.
    /// </summary>
    private void Await(IVssAsync operation, string name, CancellationToken cancellationToken)
    {
        _operation = name;
        var timeout = _settings.Timeouts.For(name);
        var deadline = _time.GetUtcNow() + timeout;
        while (true)
        {
            if (operation.Wait(_settings.Timeouts.WaitSlice) && VssAsyncExtensions.IsFinished(operation.QueryStatus(), name))
            {
                return;
            }
            if (cancellationToken.IsCancellationRequested)
            {
                operation.Cancel();
                throw new OperationCanceledException($"{name} was cancelled", cancellationToken);
            }
            if (_time.GetUtcNow() >= deadline)
            {
                operation.Cancel();
                throw new VssOperationTimeoutException(name, timeout);
            }
        }
    }

    /// <summary>Blocks the owning thread for a retry delay, waking early on cancellation.</summary>
    private static void Pause(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (cancellationToken.WaitHandle.WaitOne(delay))
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
