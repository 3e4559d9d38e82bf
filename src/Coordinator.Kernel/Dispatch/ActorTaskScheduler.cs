using Coordinator.Kernel.Actor;
using Coordinator.Kernel.Dispatch.SysMsg;

namespace Coordinator.Kernel.Dispatch;

/// <summary>
/// INTERNAL API. The task scheduler that async handlers run on. Work queued from outside the actor's turn
/// (await continuations) is sent to the actor as a system message, so it runs on the actor's own dispatcher,
/// one turn at a time, and on a pinned dispatcher on the actor's own thread. One instance per actor
/// incarnation: continuations of an incarnation that was restarted or stopped are recognised and dropped.
/// </summary>
internal sealed class ActorTaskScheduler : TaskScheduler
{
    private readonly ActorCell _cell;

    public ActorTaskScheduler(ActorCell cell)
    {
        _cell = cell;
    }

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>Runs a queued task; called by the cell on its own turn.</summary>
    internal bool Execute(Task task) => TryExecuteTask(task);

    protected override void QueueTask(Task task) => _cell.SendSystemMessage(new ActorTaskSchedulerMessage(this, task));

    // Inline only on the actor's own turn; anywhere else would break "one turn at a time".
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        ActorCell.IsCurrent(_cell) && TryExecuteTask(task);

    protected override IEnumerable<Task>? GetScheduledTasks() => null;
}
