namespace Coordinator.Vss.Simulated;

/// <summary>
/// Makes a writer fail a phase: it ends in <see cref="State"/> (by default the VSS_WS_FAILED_AT_* of the phase) with
/// hrWriterFailure = <see cref="HResult"/>, and takes no part in later phases of that session. As on Windows, the
/// operation that raised the event still succeeds; the requester sees the failure in GatherWriterStatus.
/// <see cref="Times"/> counts sessions across every components object of the host.
/// </summary>
public sealed class WriterFault
{
    private int _remaining;

    /// <param name="writer">The writer's name (e.g. SqlServerWriter), class id or instance id.</param>
    public WriterFault(string writer, WriterPhase phase, int hresult, int times = 1, VssWriterState? state = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(writer);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        if (state is { } s && !s.IsFailed())
        {
            throw new ArgumentOutOfRangeException(nameof(state), s.ToVssName(), "a writer fault must leave the writer in a VSS_WS_FAILED_AT_* state");
        }
        Writer = writer;
        Phase = phase;
        HResult = hresult;
        Times = times;
        State = state ?? phase.FailedState();
        _remaining = times;
    }

    public string Writer { get; }

    public WriterPhase Phase { get; }

    public int HResult { get; }

    public int Times { get; }

    public VssWriterState State { get; }

    public int Remaining => Volatile.Read(ref _remaining);

    internal bool Matches(SimulatedWriter writer) =>
        string.Equals(Writer, writer.Name, StringComparison.OrdinalIgnoreCase)
        || (Guid.TryParse(Writer, out var id) && (id == writer.ClassId || id == writer.InstanceId));

    internal bool TryConsume()
    {
        while (true)
        {
            var remaining = Volatile.Read(ref _remaining);
            if (remaining <= 0)
            {
                return false;
            }
            var next = remaining == CallFault.Always ? CallFault.Always : remaining - 1;
            if (Interlocked.CompareExchange(ref _remaining, next, remaining) == remaining)
            {
                return true;
            }
        }
    }

    public override string ToString() =>
        $"{Writer} at {Phase} -> {State.ToVssName()} {VssErrorCatalog.NameOf(HResult)} ({Remaining}/{Times} left)";
}
