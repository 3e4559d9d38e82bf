namespace Coordinator.Vss.Simulated;

/// <summary>
/// A test hook that holds every asynchronous operation of one kind pending until <see cref="Release"/> (e.g. "block
/// DoSnapshotSet until released", to observe the snapshot-creation slot being held). <see cref="Entered"/> is set when an
/// operation starts under the gate, so a test can wait for that moment without sleeping.
/// </summary>
public sealed class OperationGate
{
    private readonly ManualResetEventSlim _released = new(false);
    private readonly ManualResetEventSlim _entered = new(false);

    internal OperationGate(string call) => Call = call;

    public string Call { get; }

    public bool IsReleased => _released.IsSet;

    /// <summary>Signalled once an operation has started while the gate was closed.</summary>
    public WaitHandle Entered => _entered.WaitHandle;

    /// <summary>Waits (really, not on the host's clock) until an operation has started under the gate.</summary>
    public bool WaitEntered(TimeSpan timeout) => _entered.Wait(timeout);

    /// <summary>Lets the held operations complete (once their latency has passed).</summary>
    public void Release() => _released.Set();

    internal void MarkEntered() => _entered.Set();

    /// <summary>Blocks the calling thread up to <paramref name="timeout"/> of real time for <see cref="Release"/>.</summary>
    internal bool WaitReleased(TimeSpan timeout) => _released.Wait(timeout);
}
