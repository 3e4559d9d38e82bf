using Akka.Actor;

namespace Coordinator.Actors.Gate;

/// <summary>
/// Host-wide: admits one StartSnapshotSet…DoSnapshotSet window at a time, in arrival order. VSS allows one
/// snapshot-set creation per machine (others get VSS_E_SNAPSHOT_SET_IN_PROGRESS), so serialising our own
/// sessions here means they never collide, while everything outside the window still overlaps.
/// A holder that dies without releasing is released through death watch.
/// By default it runs on the calling-thread dispatcher (<see cref="CoordinatorSettings.GateDispatcher"/>): its turns
/// run on the sessions' own threads, so a handler here must never block or touch VSS. Public only as the key it is
/// registered under in the host's actor registry; its protocol is internal.
/// </summary>
public sealed class SnapshotGate : ReceiveActor
{
    private readonly LinkedList<Waiter> _queue = new();
    private IActorRef? _holder;
    private int _granted;

    public SnapshotGate()
    {
        Receive<Acquire>(OnAcquire);
        Receive<Release>(_ => OnRelease(Sender));
        Receive<Terminated>(t => OnRelease(t.ActorRef));
        Receive<GetState>(_ => Sender.Tell(new State(_holder, _queue.Select(w => w.JobId).ToList(), _granted)));
    }

    internal static Props Props(CoordinatorSettings settings) =>
        Akka.Actor.Props.Create<SnapshotGate>().WithDispatcher(settings.GateDispatcher);

    private void OnAcquire(Acquire acquire)
    {
        if (_holder?.Equals(Sender) == true || _queue.Any(w => w.Session.Equals(Sender)))
        {
            return;
        }
        Context.Watch(Sender);
        _queue.AddLast(new Waiter(Sender, acquire.JobId));
        GrantNext();
    }

    private void OnRelease(IActorRef session)
    {
        if (_holder?.Equals(session) == true)
        {
            Context.Unwatch(session);
            _holder = null;
            GrantNext();
            return;
        }
        var waiting = _queue.FirstOrDefault(w => w.Session.Equals(session));
        if (waiting is not null)
        {
            Context.Unwatch(session);
            _queue.Remove(waiting);
        }
    }

    private void GrantNext()
    {
        if (_holder is not null || _queue.First is null)
        {
            return;
        }
        var next = _queue.First.Value;
        _queue.RemoveFirst();
        _holder = next.Session;
        _granted++;
        next.Session.Tell(Granted.Instance);
    }

    private sealed record Waiter(IActorRef Session, string JobId);

    /// <summary>Asks for the window; answered with <see cref="Granted"/> when it is the sender's turn.</summary>
    internal sealed record Acquire(string JobId);

    /// <summary>Gives the window back, or withdraws a pending request.</summary>
    internal sealed record Release
    {
        public static Release Instance { get; } = new();
    }

    internal sealed record Granted
    {
        public static Granted Instance { get; } = new();
    }

    internal sealed record GetState
    {
        public static GetState Instance { get; } = new();
    }

    /// <summary>For tests and diagnostics: who holds the window, who waits, how many windows were granted.</summary>
    internal sealed record State(IActorRef? Holder, IReadOnlyList<string> Waiting, int GrantedCount);
}
