using Coordinator.Kernel.Actor;

namespace Coordinator.Kernel.Dispatch;

/// <summary>Decides on which executor, and in which chunks (<see cref="Throughput"/>), actors' mailboxes run.</summary>
public abstract class MessageDispatcher
{
    private protected MessageDispatcher(string id, int throughput)
    {
        Id = id;
        Throughput = Math.Max(1, throughput);
    }

    /// <summary>The configuration id, e.g. <c>akka.actor.default-dispatcher</c>.</summary>
    public string Id { get; }

    /// <summary>Maximum number of user messages one mailbox run processes before yielding the thread.</summary>
    public int Throughput { get; }

    /// <summary>The executor that runs mailboxes.</summary>
    private protected abstract ExecutorService Executor { get; }

    /// <summary>Registers an actor with this dispatcher (before its first message).</summary>
    internal abstract void Attach(ActorCell cell);

    /// <summary>Unregisters an actor after it terminated.</summary>
    internal abstract void Detach(ActorCell cell);

    /// <summary>Shuts the executor down at system termination.</summary>
    internal abstract void Shutdown();

    /// <summary>Schedules a mailbox run if there is something to do and no run is active.</summary>
    internal void RegisterForExecution(Mailbox mailbox, bool hasMessageHint, bool hasSystemMessageHint)
    {
        if (mailbox.CanBeScheduledForExecution(hasMessageHint, hasSystemMessageHint) && mailbox.SetAsScheduled())
        {
            try
            {
                Executor.Execute(mailbox);
            }
            catch (RejectedExecutionException)
            {
                // Only happens once the executor is shut down, i.e. the actor is gone.
                mailbox.SetAsIdle();
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name}[{Id}]";
}
