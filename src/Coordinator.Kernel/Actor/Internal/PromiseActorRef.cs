using Coordinator.Kernel.Dispatch.SysMsg;

namespace Coordinator.Kernel.Actor.Internal;

/// <summary>
/// INTERNAL API. A temporary reference completing a task with the first message (or the first
/// death-watch notification) it receives; used by Ask and GracefulStop.
/// </summary>
internal sealed class PromiseActorRef : MinimalActorRef
{
    private readonly TaskCompletionSource<object> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PromiseActorRef(ActorSystem system, ActorPath path)
    {
        System = system;
        Path = path;
    }

    public override ActorPath Path { get; }

    public override ActorSystem System { get; }

    public override bool IsTerminated => _promise.Task.IsCompleted;

    public Task<object> Result => _promise.Task;

    public override void Tell(object message, IActorRef? sender)
    {
        if (!_promise.TrySetResult(message))
        {
            System.PublishDeadLetter(message, sender, this);
        }
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is DeathWatchNotification d)
        {
            _promise.TrySetResult(new Terminated(d.Actor, d.ExistenceConfirmed, addressTerminated: false));
        }
    }

    public bool TrySetException(Exception exception) => _promise.TrySetException(exception);

    public bool TrySetCanceled(CancellationToken token) => _promise.TrySetCanceled(token);
}
