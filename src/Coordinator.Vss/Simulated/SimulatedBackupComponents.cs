namespace Coordinator.Vss.Simulated;

/// <summary>
/// A simulated <c>IVssBackupComponents</c>: the documented requester state machine, with the documented error for every
/// violation. The rules live in the partial files: StateMachine (setup and selection calls), Operations (the asynchronous
/// operations and the writer events they raise), Snapshots (set, properties, query and delete), and this file (thread
/// affinity, guards, release).
/// </summary>
/// <remarks>
/// Every call takes the host lock, so objects of one host may be used concurrently from many threads, each object from its
/// own creating thread (COM apartment rule: any other thread gets RPC_E_WRONG_THREAD, counted).
/// </remarks>
public sealed partial class SimulatedBackupComponents : IVssBackupComponents
{
    private readonly int _ownerThreadId;
    private readonly HashSet<string> _completedCalls = new(StringComparer.Ordinal);
    private readonly List<WriterSession> _writers;
    private SimulatedVssAsync? _pending;
    private bool _disposed;
    private bool _initialized;

    /// <summary>The host's counters, and the requester's when the object was made for one.</summary>
    private readonly SimulatorCounters[] _counters;

    internal SimulatedBackupComponents(SimulatedVssHost host, string? requester = null)
    {
        Host = host;
        Requester = requester;
        _counters = requester is not null && host.CountersOf(requester) is { } mine ? [host.Counters, mine] : [host.Counters];
        _ownerThreadId = Environment.CurrentManagedThreadId;
        Number = host.NextObjectNumber();
        _writers = [.. host.Writers.Select(w => new WriterSession(w))];
        Count(static c => ref c.ObjectsCreated);
    }

    internal SimulatedVssHost Host { get; }

    /// <summary>Who the object was made for (a job), when the factory was told; its accounting is kept apart too.</summary>
    internal string? Requester { get; }

    private void CountCall(string call)
    {
        foreach (var counters in _counters)
        {
            counters.CountCall(call);
        }
    }

    /// <summary>Counts one more of <paramref name="field"/> on the host and for the object's requester.</summary>
    internal void Count(SimulatorCounters.Field field)
    {
        foreach (var counters in _counters)
        {
            Interlocked.Increment(ref field(counters));
        }
    }

    /// <summary>The object's number on its host (1, 2, ...), used in messages.</summary>
    public int Number { get; }

    public override string ToString() => $"simulated components object #{Number}";

    public void InitializeForBackup(string? bcdXml = null)
    {
        const string call = VssCallNames.InitializeForBackup;
        lock (Host.Sync)
        {
            Enter(call);
            if (_initialized)
            {
                throw Violation(call, "InitializeForBackup was already called on this object; it is the first call and only once");
            }
            if (bcdXml is not null && string.IsNullOrWhiteSpace(bcdXml))
            {
                // A non-null document must be a Backup Components Document; an empty string is not XML at all.
                throw Failure(call, HResults.VSS_E_INVALID_XML_DOCUMENT, "bcdXml is empty; pass null for a new backup");
            }
            ThrowIfImmediateFault(call);
            _initialized = true;
            Completed(call);
        }
    }

    /// <summary>
    /// Releases the object (COM Release). Non-persistent snapshots go with it, a pending operation is cancelled and the
    /// creation slot freed. From the wrong thread the call is counted as a wrong-thread call and the object is <b>still</b>
    /// released: a finalizer-like release from another thread is a bug we want to see in the accounting, and leaking the
    /// object as well would double-count it (as a leak and as a violation). Gathered-not-freed metadata and status stay
    /// counted as leaks: the requester was told to free them.
    /// </summary>
    public void Dispose()
    {
        lock (Host.Sync)
        {
            CountCall(VssCallNames.Dispose);
            if (Environment.CurrentManagedThreadId != _ownerThreadId)
            {
                Count(static c => ref c.WrongThreadCalls);
            }
            if (_disposed)
            {
                return;
            }
            _pending?.CancelUnderLock();
            Host.ReleaseCreationSlot(this);
            Host.RemoveSnapshots(Host.AllSnapshots.Where(s => s.Owner == this).Select(s => s.Id));
            _disposed = true;
            Count(static c => ref c.ObjectsReleased);
        }
    }

    /// <summary>Thread check and count for the calls on this object's IVssAsync objects.</summary>
    internal void EnterAsyncCall(string call)
    {
        CountCall(call);
        ThrowIfWrongThread(call);
    }

    internal void CountAsyncDispose()
    {
        CountCall("IVssAsync.Dispose");
        if (Environment.CurrentManagedThreadId != _ownerThreadId)
        {
            Count(static c => ref c.WrongThreadCalls);
        }
    }

    /// <summary>Completes the pending operation if its time has come; under the host lock.</summary>
    internal void SettlePendingOperation() => _pending?.TrySettle(Host.Time.GetUtcNow());

    /// <summary>The guard every call starts with, under the host lock: count, thread affinity, disposal, lazy completion.</summary>
    private void Enter(string call)
    {
        CountCall(call);
        ThrowIfWrongThread(call);
        if (_disposed)
        {
            Count(static c => ref c.StateViolations);
            throw new ObjectDisposedException(ToString(), $"{call} was called after the object was released (Dispose)");
        }
        SettlePendingOperation();
    }

    private void ThrowIfWrongThread(string call)
    {
        var current = Environment.CurrentManagedThreadId;
        if (current != _ownerThreadId)
        {
            Count(static c => ref c.WrongThreadCalls);
            throw new VssWrongThreadException(call, detail:
                $"{this} was created on managed thread {_ownerThreadId} but called from thread {current}; "
                + "make every call on a components object (and its IVssAsync) from the thread that created it");
        }
    }

    /// <summary>Every call but InitializeForBackup needs it first (VSS_E_BAD_STATE: "the object is not initialized").</summary>
    private void RequireInitialized(string call)
    {
        if (!_initialized)
        {
            throw Violation(call, "InitializeForBackup must be the first call on a components object");
        }
    }

    /// <summary>One asynchronous operation at a time per object: VSS rejects a call out of sequence while one is pending.</summary>
    private void RequireNoPendingOperation(string call)
    {
        if (_pending is { IsPending: true } pending)
        {
            throw Violation(call, $"{pending.Call} is still pending on this object; wait for it (IVssAsync.Wait) or cancel it first");
        }
    }

    /// <summary>A state-machine violation: counted, and reported as VSS does, with VSS_E_BAD_STATE.</summary>
    private VssException Violation(string call, string detail)
    {
        Count(static c => ref c.StateViolations);
        return new VssBadStateException(call, detail: $"{this}: {detail}");
    }

    private VssException Failure(string call, int hresult, string detail) =>
        VssException.Create(hresult, call, detail: $"{this}: {detail}");

    /// <summary>Applies an injected fault whose site is the immediate return.</summary>
    private void ThrowIfImmediateFault(string call)
    {
        if (Host.Faults.TakeCallFault(call, _completedCalls.Contains) is { } fault)
        {
            throw Failure(call, fault.HResult, $"injected fault ({fault})");
        }
    }

    /// <summary>
    /// For the asynchronous operations: throws an immediate-site fault, or returns the failure an async-site fault makes
    /// QueryStatus report (0 when none).
    /// </summary>
    private int TakeOperationFault(string call)
    {
        if (Host.Faults.TakeCallFault(call, _completedCalls.Contains) is not { } fault)
        {
            return 0;
        }
        if (fault.EffectiveSite == FaultSite.Call)
        {
            throw Failure(call, fault.HResult, $"injected fault ({fault})");
        }
        return fault.HResult;
    }

    /// <summary>Records a call that returned normally (for faults with afterCall).</summary>
    private void Completed(string call) => _completedCalls.Add(call);

    private SimulatedVssAsync StartOperation(string call, int failure, Action<int> onEnded)
    {
        var now = Host.Time.GetUtcNow();
        var gate = Host.Faults.GateFor(call);
        SimulatedVssAsync? operation = null;
        operation = new SimulatedVssAsync(this, call, now + Host.Latency.For(call), gate, failure, status =>
        {
            if (_pending == operation)
            {
                _pending = null;
            }
            onEnded(status);
        });
        _pending = operation;
        gate?.MarkEntered();
        Completed(call);
        operation.TrySettle(now);
        return operation;
    }

    private static bool Succeeded(int status) => status == HResults.VSS_S_ASYNC_FINISHED;
}
