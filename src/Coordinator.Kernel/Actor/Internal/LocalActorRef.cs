using Coordinator.Kernel.Dispatch.SysMsg;

namespace Coordinator.Kernel.Actor.Internal;

/// <summary>INTERNAL API. The reference to an actor that lives in this process.</summary>
internal sealed class LocalActorRef : InternalActorRefBase
{
    private readonly ActorCell _cell;

    public LocalActorRef(ActorCell cell, ActorPath path)
    {
        _cell = cell;
        Path = path;
    }

    public override ActorPath Path { get; }

    public ActorCell Cell => _cell;

    public override ActorSystem System => _cell.System;

    public override bool IsTerminated => _cell.IsTerminated;

    public override void Tell(object message, IActorRef? sender) => _cell.SendMessage(message, sender);

    public override void SendSystemMessage(SystemMessage message) => _cell.SendSystemMessage(message);
}
