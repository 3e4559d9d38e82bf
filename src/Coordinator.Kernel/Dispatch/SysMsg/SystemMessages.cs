using Coordinator.Kernel.Actor;
using Coordinator.Kernel.Actor.Internal;

namespace Coordinator.Kernel.Dispatch.SysMsg;

// System messages jump the user queue and are still processed while the user queue is suspended.
// Never send the same system message instance to two actors: they are plain objects, but the
// cell's handling of some of them (Failed, Recreate) depends on who they came from.

/// <summary>INTERNAL API. Base of system messages.</summary>
internal abstract class SystemMessage
{
}

/// <summary>Create the actor instance (first start).</summary>
internal sealed class Create : SystemMessage
{
    public static readonly Create Instance = new();
}

/// <summary>Restart the actor after <see cref="Cause"/>.</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>Resume after a failure the supervisor chose to ignore.</summary>
internal sealed class Resume(Exception? causedByFailure) : SystemMessage
{
    public Exception? CausedByFailure { get; } = causedByFailure;
}

/// <summary>Stop the actor.</summary>
internal sealed class Terminate : SystemMessage
{
    public static readonly Terminate Instance = new();
}

/// <summary><see cref="Watcher"/> wants to be told when <see cref="Watchee"/> terminates.</summary>
internal sealed class Watch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;

    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary>Cancels a <see cref="Watch"/>.</summary>
internal sealed class Unwatch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;

    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary>Sent by a terminated actor to its parent and its watchers.</summary>
internal sealed class DeathWatchNotification(IInternalActorRef actor, bool existenceConfirmed) : SystemMessage
{
    public IInternalActorRef Actor { get; } = actor;

    public bool ExistenceConfirmed { get; } = existenceConfirmed;
}

/// <summary>A child reports a failure to its parent; the child stays suspended until the parent decides.</summary>
internal sealed class Failed(IInternalActorRef child, Exception cause, long uid) : SystemMessage
{
    public IInternalActorRef Child { get; } = child;

    public Exception Cause { get; } = cause;

    public long Uid { get; } = uid;
}

/// <summary>A continuation of a ReceiveAsync handler, to run on the actor's own turn.</summary>
internal sealed class ActorTaskSchedulerMessage(ActorTaskScheduler scheduler, Task task) : SystemMessage
{
    public ActorTaskScheduler Scheduler { get; } = scheduler;

    public Task Task { get; } = task;
}

/// <summary>The task of a ReceiveAsync handler completed; resume the user queue or fail.</summary>
internal sealed class AsyncHandlerCompleted(ActorTaskScheduler scheduler, Task task) : SystemMessage
{
    public ActorTaskScheduler Scheduler { get; } = scheduler;

    public Task Task { get; } = task;
}
