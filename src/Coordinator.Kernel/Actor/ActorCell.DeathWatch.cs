using Coordinator.Kernel.Actor.Internal;
using Coordinator.Kernel.Dispatch.SysMsg;

namespace Coordinator.Kernel.Actor;

internal sealed partial class ActorCell
{
    // Actors we watch, with the custom WatchWith message (null: Terminated).
    private Dictionary<IActorRef, object?>? _watching;

    // Actors watching us (the parent is told separately and always).
    private HashSet<IInternalActorRef>? _watchedBy;

    // Terminated messages sent to ourselves but not yet processed; Unwatch removes the entry so the
    // queued message is dropped ("unwatch before processing" yields nothing).
    private Dictionary<IActorRef, object?>? _terminatedQueued;

    public IActorRef Watch(IActorRef subject) => WatchWith(subject, null);

    public IActorRef WatchWith(IActorRef subject, object? message)
    {
        if (subject is not IInternalActorRef target)
        {
            throw new ArgumentException($"Cannot watch [{subject}]: not a kernel actor reference.", nameof(subject));
        }

        if (target.Equals(_self))
        {
            return subject;
        }

        _watching ??= new Dictionary<IActorRef, object?>();
        if (!_watching.ContainsKey(target))
        {
            _watching[target] = message;
            target.SendSystemMessage(new Watch(target, _self));
        }
        else
        {
            _watching[target] = message;
        }

        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        if (subject is IInternalActorRef target && _watching is not null && _watching.Remove(target))
        {
            target.SendSystemMessage(new Unwatch(target, _self));
        }

        _terminatedQueued?.Remove(subject);
        return subject;
    }

    private void AddWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        if (!watchee.Equals(_self) || watcher.Equals(_self))
        {
            return;
        }

        // Also while terminating: FinishTerminate tells every watcher, so none is lost.
        _watchedBy ??= new HashSet<IInternalActorRef>();
        _watchedBy.Add(watcher);
    }

    private void RemoveWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        if (watchee.Equals(_self))
        {
            _watchedBy?.Remove(watcher);
        }
    }

    private void WatchedActorTerminated(IInternalActorRef actor, bool existenceConfirmed)
    {
        if (_watching is not null && _watching.Remove(actor, out var custom) && !_isTerminating)
        {
            _terminatedQueued ??= new Dictionary<IActorRef, object?>();
            _terminatedQueued[actor] = custom;

            // Terminated is a user message, ordered after what the dead actor sent us before dying.
            _self.Tell(new Terminated(actor, existenceConfirmed, addressTerminated: false), actor);
        }

        if (IsChild(actor))
        {
            HandleChildTerminated(actor);
        }
    }

    private void ReceivedTerminated(Terminated terminated)
    {
        if (_terminatedQueued is null || !_terminatedQueued.Remove(terminated.ActorRef, out var custom))
        {
            // Unwatched after the notification was queued.
            return;
        }

        ReceiveMessage(custom ?? terminated);
    }

    private void TellWatchersWeDied()
    {
        if (_watchedBy is null)
        {
            return;
        }

        foreach (var watcher in _watchedBy)
        {
            if (!watcher.Equals(_parent))
            {
                watcher.SendSystemMessage(new DeathWatchNotification(_self, existenceConfirmed: true));
            }
        }

        _watchedBy = null;
    }

    private void UnwatchWatchedActors()
    {
        if (_watching is null)
        {
            return;
        }

        foreach (var target in _watching.Keys)
        {
            ((IInternalActorRef)target).SendSystemMessage(new Unwatch((IInternalActorRef)target, _self));
        }

        _watching = null;
        _terminatedQueued = null;
    }
}
