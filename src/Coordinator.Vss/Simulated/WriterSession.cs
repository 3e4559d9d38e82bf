namespace Coordinator.Vss.Simulated;

/// <summary>One writer's state within one components object's session (what GatherWriterStatus reports).</summary>
internal sealed class WriterSession(SimulatedWriter writer)
{
    public SimulatedWriter Writer { get; } = writer;

    public VssWriterState State { get; set; } = VssWriterState.Stable;

    /// <summary>hrWriterFailure; 0 while the writer has not failed.</summary>
    public int Failure { get; set; }

    /// <summary>Whether the writer takes part in this backup (decided at PrepareForBackup).</summary>
    public bool Involved { get; set; }

    public bool IsActive => Involved && !State.IsFailed();

    /// <summary>Raises <paramref name="phase"/> on the writer: applies an injected writer fault if one matches.</summary>
    public bool Raise(WriterPhase phase, FaultPlan faults)
    {
        if (faults.TakeWriterFault(Writer, phase) is { } fault)
        {
            State = fault.State;
            Failure = fault.HResult;
            return false;
        }
        return true;
    }

    public VssWriterStatusInfo ToStatus() => new(Writer.InstanceId, Writer.ClassId, Writer.Name, State, Failure);
}
