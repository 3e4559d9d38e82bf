namespace Coordinator.Vss.Simulated;

/// <summary>
/// One simulated Windows machine: its volumes, writers, the snapshots that exist on it, the host-wide snapshot-set creation
/// slot (VSS allows one creation at a time per machine), injected faults, latencies and accounting. Many components objects,
/// created by <see cref="CreateFactory"/> on many threads, share one host; every mutation happens under one lock.
/// </summary>
public sealed class SimulatedVssHost
{
    /// <summary>The provider the simulated snapshots report: the id of Microsoft's software shadow copy provider.</summary>
    public static readonly Guid ProviderId = Guid.Parse("b5946137-7b9f-4925-af80-51abd60b20d5");

    private readonly HashSet<string> _volumes = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _unsupportedVolumes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Guid, SimulatedSnapshot> _snapshots = [];
    private readonly PersistentSnapshotStore? _store;
    private int _nextShadowCopyNumber;
    private int _nextObjectNumber;
    private SimulatedBackupComponents? _creationSlotHolder;

    public SimulatedVssHost(SimulatedVssHostOptions? options = null)
    {
        options ??= new SimulatedVssHostOptions();
        foreach (var volume in options.Volumes.Concat(options.UnsupportedVolumes))
        {
            if (!volume.EndsWith('\\'))
            {
                throw new ArgumentException($"simulated volume '{volume}' must end with a backslash, e.g. C:\\", nameof(options));
            }
            _volumes.Add(volume);
        }
        _unsupportedVolumes.UnionWith(options.UnsupportedVolumes);
        Volumes = [.. options.Volumes.Concat(options.UnsupportedVolumes).Distinct(StringComparer.OrdinalIgnoreCase)];
        UnsupportedVolumes = [.. _unsupportedVolumes];
        Writers = [.. options.Writers];
        Time = options.TimeProvider;
        VirtualWait = options.VirtualWait ?? !ReferenceEquals(options.TimeProvider, TimeProvider.System);
        MachineName = options.MachineName;
        _nextShadowCopyNumber = 1;
        if (options.PersistentStateFile is { } file)
        {
            _store = new PersistentSnapshotStore(file);
            _store.CheckUsable();
            var state = _store.Load();
            _nextShadowCopyNumber = Math.Max(1, state.NextShadowCopyNumber);
            foreach (var snapshot in state.Snapshots)
            {
                _snapshots[snapshot.SnapshotId] = new SimulatedSnapshot(snapshot, Owner: null);
            }
        }
    }

    /// <summary>Builds a host from a scenario file (see <see cref="ScenarioParser"/>); a malformed one throws <see cref="ScenarioException"/>.</summary>
    public static SimulatedVssHost FromScenarioFile(string path, TimeProvider? timeProvider = null) =>
        ScenarioParser.ParseFile(path).CreateHost(timeProvider);

    /// <summary>Builds a host from scenario JSON; <paramref name="baseDirectory"/> resolves a relative persistentStateFile.</summary>
    public static SimulatedVssHost FromScenarioJson(string json, string? baseDirectory = null, TimeProvider? timeProvider = null) =>
        ScenarioParser.Parse(json, baseDirectory).CreateHost(timeProvider);

    public IReadOnlyList<string> Volumes { get; }

    public IReadOnlyList<string> UnsupportedVolumes { get; }

    public IReadOnlyList<SimulatedWriter> Writers { get; }

    public TimeProvider Time { get; }

    public bool VirtualWait { get; }

    public string MachineName { get; }

    /// <summary>The injected faults and gates; add to it at any time.</summary>
    public FaultPlan Faults { get; } = new();

    public LatencyModel Latency { get; } = new();

    /// <summary>The persistent state file, when the host has one.</summary>
    public string? PersistentStateFile => _store?.Path;

    /// <summary>A factory whose components objects live on this host.</summary>
    public IVssFactory CreateFactory() => new SimulatedVssFactory(this);

    /// <summary>A consistent snapshot of the accounting.</summary>
    public SimulatorAccounting Accounting
    {
        get
        {
            lock (Sync)
            {
                var persistent = _snapshots.Values.Count(s => s.Properties.Persistent);
                return Counters.Snapshot(_snapshots.Count, persistent);
            }
        }
    }

    /// <summary>True while some components object holds the snapshot-set creation slot (after settling finished operations).</summary>
    public bool IsSnapshotSetCreationInProgress
    {
        get
        {
            lock (Sync)
            {
                _creationSlotHolder?.SettlePendingOperation();
                return _creationSlotHolder is not null;
            }
        }
    }

    internal Lock Sync { get; } = new();

    internal SimulatorCounters Counters { get; } = new();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SimulatorCounters> _requesters = new(StringComparer.Ordinal);

    /// <summary>The counters of a requester being tracked (<see cref="TrackRequester"/>), else null.</summary>
    internal SimulatorCounters? CountersOf(string requester) => _requesters.GetValueOrDefault(requester);

    /// <summary>
    /// Keeps the accounting of the objects made for <paramref name="requester"/> from now on, until
    /// <see cref="AccountingOf"/> forgets it. Only tracked requesters are kept: a host that runs many jobs and never
    /// asks keeps nothing per job.
    /// </summary>
    public void TrackRequester(string requester) => _requesters.TryAdd(requester, new SimulatorCounters());

    /// <summary>
    /// The accounting of the objects made for <paramref name="requester"/> (a job: see
    /// <see cref="IVssFactory.CreateVssBackupComponents(string)"/>) and of the snapshots they created, apart from every
    /// other job's: a job's leaks are its own even while other jobs run on the host.
    /// </summary>
    /// <param name="forget">Drop the requester's counters after reading them (its job has ended), so a long-running host does not keep one set per job forever.</param>
    public SimulatorAccounting AccountingOf(string requester, bool forget = false)
    {
        var counters = forget && _requesters.TryRemove(requester, out var removed) ? removed : _requesters.GetValueOrDefault(requester) ?? new SimulatorCounters();
        lock (Sync)
        {
            var mine = _snapshots.Values.Where(s => s.Requester == requester).ToList();
            return counters.Snapshot(mine.Count, mine.Count(s => s.Properties.Persistent));
        }
    }

    internal int NextObjectNumber() => Interlocked.Increment(ref _nextObjectNumber);

    internal bool IsKnownVolume(string volume) => _volumes.Contains(volume);

    internal bool IsSupportedVolume(string volume) => _volumes.Contains(volume) && !_unsupportedVolumes.Contains(volume);

    /// <summary>Takes the machine's creation slot for <paramref name="requester"/>; false when another object holds it.</summary>
    internal bool TryAcquireCreationSlot(SimulatedBackupComponents requester)
    {
        // The holder's DoSnapshotSet may have completed by now without anybody asking it: settle it first, so the slot
        // is free exactly when VSS would have freed it.
        if (_creationSlotHolder is { } holder && holder != requester)
        {
            holder.SettlePendingOperation();
        }
        if (_creationSlotHolder is not null && _creationSlotHolder != requester)
        {
            return false;
        }
        _creationSlotHolder = requester;
        return true;
    }

    internal void ReleaseCreationSlot(SimulatedBackupComponents holder)
    {
        if (_creationSlotHolder == holder)
        {
            _creationSlotHolder = null;
        }
    }

    internal int CreationSlotHolderNumber => _creationSlotHolder?.Number ?? 0;

    internal const string DeviceObjectPrefix = @"\\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy";

    internal string NextDeviceObject() => DeviceObjectPrefix + _nextShadowCopyNumber++;

    /// <summary>N of a device object \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN, for ordering snapshots by creation.</summary>
    internal static int DeviceNumberOf(string deviceObject) =>
        deviceObject.StartsWith(DeviceObjectPrefix, StringComparison.Ordinal) && int.TryParse(deviceObject.AsSpan(DeviceObjectPrefix.Length), out var n) ? n : 0;

    internal SimulatedSnapshot? FindSnapshot(Guid id) => _snapshots.GetValueOrDefault(id);

    internal IEnumerable<SimulatedSnapshot> AllSnapshots => _snapshots.Values;

    internal void AddSnapshots(IEnumerable<SimulatedSnapshot> snapshots)
    {
        foreach (var snapshot in snapshots)
        {
            _snapshots.Add(snapshot.Id, snapshot);
        }
        // The device number advances even for non-persistent snapshots; store it so device names never repeat on a host.
        SaveIfPersistent();
    }

    internal void RemoveSnapshots(IEnumerable<Guid> ids)
    {
        var changed = false;
        foreach (var id in ids.ToList())
        {
            changed |= _snapshots.Remove(id, out var removed) && removed.Properties.Persistent;
        }
        if (changed)
        {
            SaveIfPersistent();
        }
    }

    private void SaveIfPersistent()
    {
        _store?.Save(new PersistentHostState(
            _nextShadowCopyNumber,
            [.. _snapshots.Values.Where(s => s.Properties.Persistent).Select(s => s.Properties).OrderBy(p => DeviceNumberOf(p.SnapshotDeviceObject))]));
    }
}
