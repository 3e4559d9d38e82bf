using Coordinator.Kernel.Actor.Internal;
using Coordinator.Kernel.Dispatch.SysMsg;

namespace Coordinator.Kernel.Actor;

/// <summary>INTERNAL API. The <c>/user</c> and <c>/system</c> guardians: parents of top-level actors, default strategy.</summary>
internal sealed class GuardianActor : ActorBase
{
    protected override bool Receive(object message) => false;
}

/// <summary>
/// INTERNAL API. The parent of the guardians. It sequences termination: <c>/user</c> first, then <c>/system</c>
/// (where TestKit actors live, so they can observe user actors dying), then the system is terminated.
/// </summary>
internal sealed class RootGuardianRef : MinimalActorRef
{
    private readonly ActorSystem _system;

    public RootGuardianRef(ActorSystem system, ActorPath path)
    {
        _system = system;
        Path = path;
    }

    public override ActorPath Path { get; }

    public override ActorSystem System => _system;

    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Failed failed:
                // A guardian escalated: nothing above it can decide, so it is stopped (the system terminates).
                failed.Child.Stop();
                break;
            case DeathWatchNotification notification:
                _system.OnGuardianTerminated(notification.Actor);
                break;
        }
    }
}
