namespace Coordinator.Vss.Simulated;

/// <summary>
/// The faults injected into one simulated host, from a scenario or from code:
/// <c>host.Faults.Add(new CallFault("GatherWriterMetadata", HResults.VSS_E_WRITER_INFRASTRUCTURE, times: 2))</c>.
/// Thread-safe: faults may be added while components objects are in use; the first matching fault with attempts left wins.
/// </summary>
public sealed class FaultPlan
{
    private readonly Lock _sync = new();
    private readonly List<CallFault> _callFaults = [];
    private readonly List<WriterFault> _writerFaults = [];
    private readonly Dictionary<string, OperationGate> _gates = new(StringComparer.Ordinal);

    public FaultPlan Add(CallFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_sync)
        {
            _callFaults.Add(fault);
        }
        return this;
    }

    public FaultPlan Add(WriterFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_sync)
        {
            _writerFaults.Add(fault);
        }
        return this;
    }

    /// <summary>Holds every <paramref name="call"/> operation (one of the asynchronous ones) pending until the gate is released.</summary>
    public OperationGate Block(string call)
    {
        if (!VssCallNames.Asynchronous.Contains(call))
        {
            throw new ArgumentException($"only asynchronous operations can be blocked ({string.Join(", ", VssCallNames.Asynchronous)}), not '{call}'", nameof(call));
        }
        lock (_sync)
        {
            var gate = new OperationGate(call);
            _gates[call] = gate;
            return gate;
        }
    }

    /// <summary>Removes every fault and gate (open gates are released first so nothing stays blocked).</summary>
    public void Clear()
    {
        lock (_sync)
        {
            _callFaults.Clear();
            _writerFaults.Clear();
            foreach (var gate in _gates.Values)
            {
                gate.Release();
            }
            _gates.Clear();
        }
    }

    public IReadOnlyList<CallFault> CallFaults
    {
        get
        {
            lock (_sync)
            {
                return [.. _callFaults];
            }
        }
    }

    public IReadOnlyList<WriterFault> WriterFaults
    {
        get
        {
            lock (_sync)
            {
                return [.. _writerFaults];
            }
        }
    }

    /// <summary>Consumes one attempt of the first fault for <paramref name="call"/> that applies; null when the call works.</summary>
    internal CallFault? TakeCallFault(string call, Func<string, bool> hasCalled)
    {
        lock (_sync)
        {
            foreach (var fault in _callFaults)
            {
                if (fault.Call == call && (fault.AfterCall is null || hasCalled(fault.AfterCall)) && fault.TryConsume())
                {
                    return fault;
                }
            }
            return null;
        }
    }

    /// <summary>Consumes one attempt of the first fault for this writer and phase; null when the writer succeeds.</summary>
    internal WriterFault? TakeWriterFault(SimulatedWriter writer, WriterPhase phase)
    {
        lock (_sync)
        {
            foreach (var fault in _writerFaults)
            {
                if (fault.Phase == phase && fault.Matches(writer) && fault.TryConsume())
                {
                    return fault;
                }
            }
            return null;
        }
    }

    internal OperationGate? GateFor(string call)
    {
        lock (_sync)
        {
            return _gates.GetValueOrDefault(call) is { IsReleased: false } gate ? gate : null;
        }
    }
}
