using System.Collections.Concurrent;
using System.Diagnostics;
using Coordinator.Kernel.Actor;
using Coordinator.Kernel.Dispatch.SysMsg;

namespace Coordinator.Kernel.Dispatch;

/// <summary>
/// INTERNAL API. An actor's mailbox: a system queue and a user queue, and the <see cref="IRunnable"/> that
/// processes them on the dispatcher's executor. At most one <see cref="Run"/> is active at a time; that is
/// what makes every actor turn serial.
/// </summary>
/// <remarks>
/// <para>
/// The whole scheduling state lives in one int changed with Interlocked: bit 0 = closed, bit 1 = scheduled,
/// the rest is a suspend count (user messages are not processed while it is non-zero; system messages are).
/// </para>
/// <para>
/// Lost wake-ups are avoided by ordering: producers enqueue first and then try Idle→Scheduled; the runner
/// sets Idle first and then re-checks both queues. Whichever comes second sees the other's effect.
/// </para>
/// </remarks>
internal sealed class Mailbox : IRunnable, IThreadPoolWorkItem
{
    private const int Open = 0;
    private const int Closed = 1;
    private const int Scheduled = 2;
    private const int ShouldScheduleMask = 3;
    private const int SuspendUnit = 4;

    private readonly ConcurrentQueue<Envelope> _userQueue = new();
    private readonly ConcurrentQueue<SystemMessage> _systemQueue = new();

    // Messages put back at the front (unstash). Only touched on the actor's own turn; the count is
    // published so that scheduling decisions made at the end of a run can see it.
    private readonly Stack<Envelope> _prepended = new();
    private int _prependedCount;

    private readonly ActorCell _cell;
    private MessageDispatcher _dispatcher;
    private int _status;

    public Mailbox(ActorCell cell, MessageDispatcher dispatcher)
    {
        _cell = cell;
        _dispatcher = dispatcher;
    }

    public bool IsClosed => (Volatile.Read(ref _status) & Closed) != 0;

    public bool IsSuspended => Volatile.Read(ref _status) >= SuspendUnit;

    public bool HasMessages => !_userQueue.IsEmpty || Volatile.Read(ref _prependedCount) > 0;

    public bool HasSystemMessages => !_systemQueue.IsEmpty;

    public int SuspendCount => Volatile.Read(ref _status) / SuspendUnit;

    /// <summary>Enqueues a user message (any thread).</summary>
    public void Enqueue(in Envelope envelope)
    {
        if (IsClosed)
        {
            _cell.System.PublishDeadLetter(envelope.Message, envelope.Sender, _cell.Self);
            return;
        }

        _userQueue.Enqueue(envelope);
        if (IsClosed)
        {
            // Closed between the check and the enqueue: the cleanup may already have run.
            DrainUserQueueToDeadLetters();
            return;
        }

        _dispatcher.RegisterForExecution(this, hasMessageHint: true, hasSystemMessageHint: false);
    }

    /// <summary>Enqueues a system message (any thread).</summary>
    public void SystemEnqueue(SystemMessage message)
    {
        _systemQueue.Enqueue(message);
        if (IsClosed)
        {
            // Same race as for user messages; the handling of each message happens exactly once
            // because both the closing runner and we dequeue from the same concurrent queue.
            DrainSystemQueueToDeadLetters();
            return;
        }

        _dispatcher.RegisterForExecution(this, hasMessageHint: false, hasSystemMessageHint: true);
    }

    /// <summary>Puts messages back at the front, keeping their order. Actor's turn only.</summary>
    public void Prepend(IReadOnlyList<Envelope> envelopes)
    {
        Debug.Assert(ActorCell.IsCurrent(_cell), "Prepend outside the actor's turn");
        for (var i = envelopes.Count - 1; i >= 0; i--)
        {
            _prepended.Push(envelopes[i]);
        }

        Volatile.Write(ref _prependedCount, _prepended.Count);
    }

    public bool CanBeScheduledForExecution(bool hasMessageHint, bool hasSystemMessageHint)
    {
        var status = Volatile.Read(ref _status);
        if ((status & Closed) != 0)
        {
            return false;
        }

        if (status >= SuspendUnit)
        {
            return hasSystemMessageHint || HasSystemMessages;
        }

        return hasMessageHint || hasSystemMessageHint || HasSystemMessages || HasMessages;
    }

    /// <summary>Idle → Scheduled; false if already scheduled or closed.</summary>
    public bool SetAsScheduled()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if ((status & ShouldScheduleMask) != Open)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _status, status | Scheduled, status) == status)
            {
                return true;
            }
        }
    }

    public void SetAsIdle()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if (Interlocked.CompareExchange(ref _status, status & ~Scheduled, status) == status)
            {
                return;
            }
        }
    }

    /// <summary>Increments the suspend count; returns true if it was zero.</summary>
    public bool Suspend()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if ((status & Closed) != 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _status, status + SuspendUnit, status) == status)
            {
                return status < SuspendUnit;
            }
        }
    }

    /// <summary>Decrements the suspend count; returns true if it became zero.</summary>
    public bool Resume()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if ((status & Closed) != 0)
            {
                return false;
            }

            var next = status < SuspendUnit ? status : status - SuspendUnit;
            if (Interlocked.CompareExchange(ref _status, next, status) == status)
            {
                return next < SuspendUnit;
            }
        }
    }

    /// <summary>Closes the mailbox for good and sends what is left to dead letters. Called by the terminating actor.</summary>
    public void CloseAndCleanUp()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if (Interlocked.CompareExchange(ref _status, Closed, status) == status)
            {
                break;
            }
        }

        while (_prepended.Count > 0)
        {
            var e = _prepended.Pop();
            _cell.System.PublishDeadLetter(e.Message, e.Sender, _cell.Self);
        }

        Volatile.Write(ref _prependedCount, 0);
        DrainUserQueueToDeadLetters();
        DrainSystemQueueToDeadLetters();
    }

    /// <summary>Switches dispatcher (before the first run only).</summary>
    public void SetDispatcher(MessageDispatcher dispatcher) => _dispatcher = dispatcher;

    void IThreadPoolWorkItem.Execute() => Run();

    public void Run()
    {
        var previous = ActorCell.EnterTurn(_cell);
        try
        {
            if (!IsClosed)
            {
                ProcessAllSystemMessages();
                ProcessMailbox();
            }
        }
        catch (Exception ex)
        {
            // The cell handles actor exceptions itself; anything here is a kernel bug. Keep the
            // executor alive and make it visible (Debug.Fail would kill the process in debug builds).
            _cell.Publish(new Event.Error(ex, _cell.Self.Path.ToString(), typeof(Mailbox), $"Mailbox run failed: {ex.Message}"));
        }
        finally
        {
            ActorCell.LeaveTurn(previous);
            SetAsIdle();
            _dispatcher.RegisterForExecution(this, hasMessageHint: false, hasSystemMessageHint: false);
        }
    }

    private void ProcessMailbox()
    {
        var left = _dispatcher.Throughput;
        while (left > 0 && Volatile.Read(ref _status) < SuspendUnit && TryDequeue(out var envelope))
        {
            _cell.Invoke(envelope);

            // System messages (Stop, Watch, a failure decision, an async continuation) must not wait
            // behind a long run of user messages.
            ProcessAllSystemMessages();
            left--;
        }
    }

    private bool TryDequeue(out Envelope envelope)
    {
        if (_prepended.Count > 0)
        {
            envelope = _prepended.Pop();
            Volatile.Write(ref _prependedCount, _prepended.Count);
            return true;
        }

        return _userQueue.TryDequeue(out envelope);
    }

    private void ProcessAllSystemMessages()
    {
        while (!IsClosed && _systemQueue.TryDequeue(out var message))
        {
            _cell.SystemInvoke(message);
        }

        if (IsClosed)
        {
            DrainSystemQueueToDeadLetters();
        }
    }

    private void DrainUserQueueToDeadLetters()
    {
        while (_userQueue.TryDequeue(out var e))
        {
            _cell.System.PublishDeadLetter(e.Message, e.Sender, _cell.Self);
        }
    }

    private void DrainSystemQueueToDeadLetters()
    {
        while (_systemQueue.TryDequeue(out var message))
        {
            _cell.System.HandleDeadSystemMessage(message, _cell.SelfRef);
        }
    }
}
