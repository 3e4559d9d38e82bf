using System.Collections.Concurrent;

namespace Coordinator.Vss.Simulated;

/// <summary>The host's live counters behind <see cref="SimulatorAccounting"/>; updated with interlocked operations.</summary>
internal sealed class SimulatorCounters
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    public int ObjectsCreated;
    public int ObjectsReleased;
    public int WriterStatusGathered;
    public int WriterStatusFreed;
    public int WriterMetadataGathered;
    public int WriterMetadataFreed;
    public int WrongThreadCalls;
    public int StateViolations;

    /// <summary>One of the counters, for code that counts the same thing in several sets (the host's and a job's).</summary>
    public delegate ref int Field(SimulatorCounters counters);

    public void CountCall(string call) => _calls.AddOrUpdate(call, 1, (_, n) => n + 1);

    public SimulatorAccounting Snapshot(int snapshotsAlive, int persistentAlive) => new(
        new SortedDictionary<string, int>(_calls, StringComparer.Ordinal),
        Volatile.Read(ref ObjectsCreated),
        Volatile.Read(ref ObjectsReleased),
        Volatile.Read(ref WriterStatusGathered),
        Volatile.Read(ref WriterStatusFreed),
        Volatile.Read(ref WriterMetadataGathered),
        Volatile.Read(ref WriterMetadataFreed),
        snapshotsAlive,
        persistentAlive,
        Volatile.Read(ref WrongThreadCalls),
        Volatile.Read(ref StateViolations));
}
