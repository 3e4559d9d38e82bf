using Coordinator.Kernel.Dispatch.SysMsg;

namespace Coordinator.Kernel.Actor.Internal;

/// <summary>INTERNAL API. What the kernel needs from a reference beyond <see cref="IActorRef"/>.</summary>
internal interface IInternalActorRef : IActorRef
{
    /// <summary>True once the actor is known to be terminated.</summary>
    bool IsTerminated { get; }

    /// <summary>The system the reference belongs to; null for <see cref="Nobody"/>.</summary>
    ActorSystem? System { get; }

    /// <summary>Delivers a system message; never throws.</summary>
    void SendSystemMessage(SystemMessage message);

    /// <summary>Asks the actor to stop (a <see cref="Terminate"/> system message).</summary>
    void Stop();
}

/// <summary>INTERNAL API. Equality by path and incarnation uid, like Akka.</summary>
internal abstract class InternalActorRefBase : IInternalActorRef
{
    public abstract ActorPath Path { get; }

    public abstract bool IsTerminated { get; }

    public abstract ActorSystem? System { get; }

    public abstract void Tell(object message, IActorRef? sender);

    public abstract void SendSystemMessage(SystemMessage message);

    public virtual void Stop() => SendSystemMessage(Terminate.Instance);

    public bool Equals(IActorRef? other) =>
        other is not null && other.Path.Uid == Path.Uid && other.Path.Equals(Path);

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Path, Path.Uid);

    public override string ToString() => Path.Uid == 0 ? $"[{Path}]" : $"[{Path}#{Path.Uid}]";
}

/// <summary>INTERNAL API. A reference without a mailbox; by default it drops everything.</summary>
internal abstract class MinimalActorRef : InternalActorRefBase
{
    public override bool IsTerminated => false;

    public override void Tell(object message, IActorRef? sender)
    {
    }

    public override void SendSystemMessage(SystemMessage message)
    {
    }
}

/// <summary>INTERNAL API. <see cref="ActorRefs.Nobody"/>.</summary>
internal sealed class Nobody : MinimalActorRef
{
    public static readonly Nobody Instance = new();

    private Nobody()
    {
    }

    public override ActorPath Path { get; } = ActorPath.Root("all-systems") / "Nobody";

    public override ActorSystem? System => null;

    public override bool IsTerminated => true;

    public override void SendSystemMessage(SystemMessage message)
    {
        // Watching Nobody yields a Terminated at once, as for any actor that no longer exists.
        if (message is Watch w && w.Watchee == this)
        {
            w.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: false));
        }
    }
}

/// <summary>INTERNAL API. The dead letters office: publishes <c>DeadLetter</c> on the event stream.</summary>
internal sealed class DeadLetterActorRef : MinimalActorRef
{
    private readonly ActorSystem _system;

    public DeadLetterActorRef(ActorSystem system, ActorPath path)
    {
        _system = system;
        Path = path;
    }

    public override ActorPath Path { get; }

    public override ActorSystem System => _system;

    public override void Tell(object message, IActorRef? sender) => _system.PublishDeadLetter(message, sender, this);

    public override void SendSystemMessage(SystemMessage message) => _system.HandleDeadSystemMessage(message, this);
}

/// <summary>INTERNAL API. A reference that calls a function for each message (used by the TestKit and event filters).</summary>
internal sealed class FunctionRef : MinimalActorRef
{
    private readonly Action<object, IActorRef?> _tell;

    public FunctionRef(ActorSystem system, ActorPath path, Action<object, IActorRef?> tell)
    {
        System = system;
        Path = path;
        _tell = tell;
    }

    public override ActorPath Path { get; }

    public override ActorSystem System { get; }

    public override void Tell(object message, IActorRef? sender) => _tell(message, sender);
}
