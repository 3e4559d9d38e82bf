using Akka.Dispatch;

namespace Coordinator.Actors.Dispatch;

/// <summary>
/// Runs inline-dispatched work on the calling thread without ever nesting. The first call on a thread runs its work
/// at once and then drains whatever that work scheduled; a call made while the thread is already draining (an
/// inline actor Telling another, or itself, or Akka rescheduling a mailbox at the end of its turn) only queues.
/// So a chain of 20,000 hops between inline actors is a loop on one stack frame, not 20,000 nested turns.
/// The queue is per thread and shared by every inline dispatcher, so hops across two of them do not nest either.
/// </summary>
internal static class InlineTrampoline
{
    [ThreadStatic] private static Queue<Pending>? _pending;
    [ThreadStatic] private static bool _draining;

    private static readonly ContextCallback RunWork = static state => ((IRunnable)state!).Run();

    public static void Run(IRunnable work, Action<Exception> reportFailure)
    {
        if (_draining)
        {
            (_pending ??= new Queue<Pending>()).Enqueue(new Pending(work, reportFailure));
            return;
        }

        _draining = true;
        var callersContext = SynchronizationContext.Current;
        try
        {
            // The turn must not post its continuations to the caller's synchronization context (a UI loop, a test
            // runner's): an actor's awaits belong to Akka's ActorTaskScheduler. ExecutionContext.Run restores the
            // caller's synchronization context but does not clear it, so that is done here.
            SynchronizationContext.SetSynchronizationContext(null);
            RunClean(work, reportFailure);
            while (_pending is { } pending && pending.TryDequeue(out var next))
            {
                RunClean(next.Work, next.ReportFailure);
            }
        }
        finally
        {
            _draining = false;
            SynchronizationContext.SetSynchronizationContext(callersContext);
        }
    }

    private static void RunClean(IRunnable work, Action<Exception> reportFailure)
    {
        try
        {
            // The sender's AsyncLocals must not be visible to the actor, nor one turn's to the next.
            ExecutionContext.Run(CleanExecutionContext.Instance, RunWork, work);
        }
        catch (Exception e)
        {
            // Keep draining: an abandoned queue entry would leave a mailbox marked scheduled that nobody runs.
            reportFailure(e);
        }
    }

    private readonly record struct Pending(IRunnable Work, Action<Exception> ReportFailure);
}
