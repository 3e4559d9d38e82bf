using Coordinator.Kernel.Actor.Internal;
using Coordinator.Kernel.Dispatch.SysMsg;
using Coordinator.Kernel.Event;

namespace Coordinator.Kernel.Actor;

internal sealed partial class ActorCell
{
    // True from a failure until the parent's decision has been carried out.
    private bool _isFailed;

    // True while the mailbox holds the one suspension that belongs to a failure. Kept separate from
    // _isFailed because a failure while re-creating must keep that suspension, not add a second one.
    private bool _failureSuspended;

    private object? _failedMessage;
    private Exception? _pendingRecreateCause;
    private bool _isTerminating;

    /// <summary>
    /// A handler, hook or system message threw: suspend user messages and ask the parent what to do.
    /// Failures while terminating are only logged, never reported (the parent is already stopping us).
    /// </summary>
    private void HandleInvokeFailure(Exception cause, object? message)
    {
        if (_isTerminating)
        {
            Publish(new Error(cause, _self.Path.ToString(), _actor?.GetType() ?? typeof(ActorCell), $"Failure while terminating: {cause.Message}"));
            return;
        }

        if (_isFailed)
        {
            // Already waiting for the parent's decision about an earlier failure.
            Publish(new Error(cause, _self.Path.ToString(), _actor?.GetType() ?? typeof(ActorCell), $"Further failure while failed: {cause.Message}"));
            return;
        }

        _isFailed = true;
        _failedMessage = message;
        if (!_failureSuspended)
        {
            _failureSuspended = true;
            _mailbox.Suspend();
        }

        _parent.SendSystemMessage(new Failed(_self, cause, _self.Path.Uid));
    }

    /// <summary>Create (first start) or a restart of an actor whose instance could not be created.</summary>
    private void FaultCreate(bool initial)
    {
        if (_isTerminating)
        {
            return;
        }

        _isFailed = false;
        try
        {
            var instance = CreateInstance();
            instance.AroundPreStart();
        }
        catch (Exception ex)
        {
            // Akka clears the instance: PostStop does not run for an actor whose ctor or PreStart threw.
            ClearActor();
            var wrapped = ex as ActorInitializationException ?? new ActorInitializationException(_self, $"Exception during creation of {_self.Path}", ex);
            HandleInvokeFailure(wrapped, null);
            return;
        }

        if (!initial)
        {
            ReleaseFailureSuspension();
        }
    }

    private void FaultResume(Exception? causedByFailure)
    {
        if (_isTerminating || !_isFailed)
        {
            return;
        }

        _isFailed = false;
        ReleaseFailureSuspension();
    }

    /// <summary>Restart: the old instance gets PreRestart (default: stop children, PostStop); the mailbox is kept.</summary>
    private void FaultRecreate(Exception cause)
    {
        if (_isTerminating)
        {
            return;
        }

        var failedActor = _actor;
        if (failedActor is null)
        {
            FaultCreate(initial: false);
            return;
        }

        var failedMessage = _failedMessage;
        _failedMessage = null;

        // Stashed messages go back to the front of the mailbox, before PreRestart can lose them.
        _stash?.UnstashAllInternal();
        try
        {
            failedActor.AroundPreRestart(cause, failedMessage);
        }
        catch (Exception ex)
        {
            // Best effort, as in Akka: report and carry on with the restart.
            Publish(new Error(new PreRestartException(_self, ex, cause, failedMessage), _self.Path.ToString(), failedActor.GetType(), $"PreRestart threw: {ex.Message}"));
        }
        finally
        {
            ClearActor();
        }

        if (HasChildrenToDie)
        {
            // Finish once the children stopped by PreRestart have terminated (HandleChildTerminated).
            _pendingRecreateCause = cause;
            return;
        }

        FinishRecreate(cause);
    }

    private void FinishRecreate(Exception cause)
    {
        _pendingRecreateCause = null;
        _isFailed = false;
        ResetAsyncState();
        try
        {
            var fresh = CreateInstance();
            fresh.AroundPostRestart(cause);
        }
        catch (Exception ex)
        {
            ClearActor();
            HandleInvokeFailure(new PostRestartException(_self, ex, cause), null);
            return;
        }

        ReleaseFailureSuspension();
    }

    private void ReleaseFailureSuspension()
    {
        if (_failureSuspended)
        {
            _failureSuspended = false;
            _mailbox.Resume();
        }
    }

    /// <summary>Parent side: a child failed; apply the supervisor strategy.</summary>
    private void HandleFailed(Failed failed)
    {
        var stats = GetChildStats(failed.Child);
        if (stats is null || stats.Child.Path.Uid != failed.Uid || IsChildToDie(failed.Child))
        {
            // A failure from a child that is gone or already being stopped: nothing to decide.
            return;
        }

        var strategy = _props.SupervisorStrategy ?? _actor?.SupervisorStrategyInternal ?? SupervisorStrategy.DefaultStrategy;
        if (!strategy.HandleFailure(this, stats, failed.Cause))
        {
            // Escalate: fail ourselves with the child's exception, unwrapped.
            HandleInvokeFailure(failed.Cause, null);
        }
    }

    /// <summary>Stop: stop the children first, then finish (PostStop) when they have all terminated.</summary>
    private void Terminate()
    {
        if (_isTerminating)
        {
            return;
        }

        List<IInternalActorRef> children;
        lock (_childrenLock)
        {
            _isTerminating = true;
            children = StopAllChildrenLocked();
        }

        _pendingRecreateCause = null;

        // No further user messages; system messages (children's death notifications) still flow.
        _mailbox.Suspend();
        foreach (var child in children)
        {
            child.Stop();
        }

        if (children.Count == 0)
        {
            FinishTerminate();
        }
    }

    /// <summary>
    /// The end of the actor. A try/finally ladder so that a throwing PostStop cannot prevent the rest:
    /// the parent and the watchers are told and the mailbox is closed on every path.
    /// </summary>
    private void FinishTerminate()
    {
        var actor = _actor;
        try
        {
            if (actor is not null)
            {
                actor.AroundPostStop();
            }
        }
        catch (Exception ex)
        {
            Publish(new Error(ex, _self.Path.ToString(), actor!.GetType(), $"PostStop threw: {ex.Message}"));
        }
        finally
        {
            try
            {
                _stash?.ClearToDeadLetters();
                _isTerminated = true;
                _mailbox.CloseAndCleanUp();
                _dispatcher.Detach(this);
            }
            finally
            {
                try
                {
                    _parent.SendSystemMessage(new DeathWatchNotification(_self, existenceConfirmed: true));
                }
                finally
                {
                    try
                    {
                        TellWatchersWeDied();
                    }
                    finally
                    {
                        try
                        {
                            UnwatchWatchedActors();
                        }
                        finally
                        {
                            _system.EventStream.Unsubscribe(_self);
                            ClearActor();
                        }
                    }
                }
            }
        }
    }
}
