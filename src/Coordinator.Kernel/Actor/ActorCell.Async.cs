using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Coordinator.Kernel.Dispatch;
using Coordinator.Kernel.Dispatch.SysMsg;

namespace Coordinator.Kernel.Actor;

internal sealed partial class ActorCell
{
    private ActorTaskScheduler? _taskScheduler;
    private bool _asyncPending;
    private Envelope _asyncEnvelope;

    /// <summary>The scheduler of the current incarnation; a new one after each restart.</summary>
    internal ActorTaskScheduler TaskScheduler => _taskScheduler ??= new ActorTaskScheduler(this);

    /// <summary>
    /// Runs an async handler. Its synchronous part runs now, on this turn, under the actor's task scheduler
    /// so that every await captures that scheduler. If it does not complete synchronously, user messages are
    /// suspended until it does; its continuations arrive as system messages (so Stop and Watch are still
    /// served meanwhile) and the completion resumes the mailbox or reports the failure to the supervisor.
    /// </summary>
    internal void RunAsync(Func<Task> handler)
    {
        Debug.Assert(IsCurrent(this), "RunAsync outside the actor's turn");
        if (_asyncPending)
        {
            throw new InvalidOperationException("An async handler is already pending; start at most one per message.");
        }

        var scheduler = TaskScheduler;
        var outer = new Task<Task>(handler);
        outer.RunSynchronously(scheduler);

        // Rethrows a synchronous throw from a non-async delegate with its original stack.
        var inner = outer.GetAwaiter().GetResult();
        if (inner is null)
        {
            return;
        }

        if (inner.IsCompleted)
        {
            // Never awaited anything pending: no suspension needed. Faults and cancellations surface
            // as exceptions of this turn (a cancellation as TaskCanceledException).
            inner.GetAwaiter().GetResult();
            return;
        }

        _asyncPending = true;
        _asyncEnvelope = _currentEnvelope;
        _mailbox.Suspend();
        inner.ContinueWith(
            static (task, state) =>
            {
                var (cell, taskScheduler) = ((ActorCell, ActorTaskScheduler))state!;
                cell.SendSystemMessage(new AsyncHandlerCompleted(taskScheduler, task));
            },
            (this, scheduler),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            global::System.Threading.Tasks.TaskScheduler.Default);
    }

    private void RunContinuation(ActorTaskSchedulerMessage message)
    {
        // Continuations of an earlier incarnation, or of an actor that is stopping, never run: PostStop
        // must be the last thing an actor instance sees.
        if (!ReferenceEquals(message.Scheduler, _taskScheduler) || _isTerminating)
        {
            return;
        }

        var saved = _currentEnvelope;
        _currentEnvelope = _asyncEnvelope;
        try
        {
            message.Scheduler.Execute(message.Task);
        }
        finally
        {
            _currentEnvelope = saved;
        }
    }

    private void HandleAsyncHandlerCompleted(AsyncHandlerCompleted completed)
    {
        if (!ReferenceEquals(completed.Scheduler, _taskScheduler) || !_asyncPending)
        {
            return;
        }

        var failedMessage = _asyncEnvelope.Message;
        _asyncPending = false;
        _asyncEnvelope = default;
        _mailbox.Resume();

        var task = completed.Task;
        if (task.IsFaulted)
        {
            var exception = task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
            HandleInvokeFailure(exception, failedMessage);
        }
        else if (task.IsCanceled)
        {
            HandleInvokeFailure(new TaskCanceledException(task), failedMessage);
        }
    }

    /// <summary>On restart: forget the old incarnation's pending handler and release its suspension.</summary>
    private void ResetAsyncState()
    {
        _taskScheduler = null;
        if (_asyncPending)
        {
            _asyncPending = false;
            _asyncEnvelope = default;
            _mailbox.Resume();
        }
    }

    internal static void Rethrow(Exception ex) => ExceptionDispatchInfo.Capture(ex).Throw();
}
