using Akka.Configuration;
using Akka.Dispatch;

namespace Coordinator.Actors.Dispatch;

/// <summary>
/// A dispatcher for actors that only keep books and Tell (the snapshot gate): an actor on it runs its turn on the
/// sender's thread before Tell returns, so handing the gate from one session to the next costs no thread wake-up.
/// Production replacement for Akka.TestKit's CallingThreadDispatcher (test code, internal API), with two
/// differences: work scheduled while the thread is already running an inline turn is trampolined (queued and run
/// after the current turn), so actor-to-actor chains never deepen the stack; and each turn runs in a clean
/// execution context with no synchronization context, so the sender's AsyncLocals do not leak into the actor.
/// <code>
/// snapshot-gate-dispatcher {
///   type = "Coordinator.Actors.Dispatch.InlineDispatcherConfigurator, Coordinator.Actors"
///   throughput = 100     # messages per turn; default: akka.actor.default-dispatcher's
/// }
/// </code>
/// What it does not promise, and so what an actor on it must not do:
/// <list type="bullet">
/// <item>Block, or Ask and wait: the reply of another inline actor is queued behind the waiting turn, which then
/// waits for ever; and whatever the actor blocks on blocks its sender.</item>
/// <item>Rely on "my sender's thread" when turns contend: if the actor is already running on another thread, Tell
/// only enqueues and that thread runs the message. Turns never overlap (the mailbox guarantees that), but a sender
/// under contention may do other senders' work before its Tell returns.</item>
/// <item>Expect its first message on the creator's thread: Akka creates top-level actors asynchronously, so the first
/// messages to a new top-level actor run wherever Akka finishes creating it. A child created by an actor's
/// Context.ActorOf is started on the parent's thread at once.</item>
/// <item>Await: a continuation comes back on whichever thread completed the awaited task (a timer, the pool).</item>
/// </list>
/// </summary>
public sealed class InlineDispatcherConfigurator : MessageDispatcherConfigurator
{
    private readonly InlineDispatcher _dispatcher;

    public InlineDispatcherConfigurator(Config config, IDispatcherPrerequisites prerequisites)
        : base(config, prerequisites)
    {
        // Nothing here can be wrong, so reading it in the constructor (which Akka calls by reflection) is safe.
        // CachingConfig's GetString(path, default) gives null for a missing path; Akka always supplies "id".
        var id = Config.HasPath("id") ? Config.GetString("id", null) ?? "<no id>" : "<no id>";
        _dispatcher = new InlineDispatcher(this, id, Math.Max(1, Config.GetInt("throughput", MessageDispatcher.DefaultThroughput)));
    }

    /// <summary>The same instance for every actor: it holds no per-actor state.</summary>
    public override MessageDispatcher Dispatcher() => _dispatcher;
}
