using System.Diagnostics;

namespace Coordinator.Vss.Simulated;

/// <summary>
/// An asynchronous operation of a simulated components object (COM <c>IVssAsync</c>). It is pending until the host's clock
/// reaches its completion time (start + latency) and its gate, if any, is released; completion is applied lazily, under the
/// host lock, by whoever looks first (this object, its components object, or another object wanting the creation slot).
/// Bound to the thread of its components object: calls from any other thread fail with RPC_E_WRONG_THREAD.
/// </summary>
internal sealed class SimulatedVssAsync : IVssAsync
{
    private readonly SimulatedBackupComponents _owner;
    private readonly OperationGate? _gate;
    private readonly int _failure;
    private readonly Action<int> _onEnded;
    private readonly ManualResetEventSlim _ended = new(false);
    private int _status = HResults.VSS_S_ASYNC_PENDING;

    /// <param name="failure">The failure QueryStatus reports on completion (an injected fault), or 0 for success.</param>
    /// <param name="onEnded">Applies the operation's effects under the host lock; receives the final status.</param>
    public SimulatedVssAsync(SimulatedBackupComponents owner, string call, DateTimeOffset completesAt, OperationGate? gate, int failure, Action<int> onEnded)
    {
        _owner = owner;
        Call = call;
        CompletesAt = completesAt;
        _gate = gate;
        _failure = failure;
        _onEnded = onEnded;
    }

    public string Call { get; }

    public DateTimeOffset CompletesAt { get; }

    /// <summary>Under the host lock.</summary>
    public bool IsPending => _status == HResults.VSS_S_ASYNC_PENDING;

    public bool Wait(TimeSpan timeout)
    {
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "the timeout must be >= 0 or Timeout.InfiniteTimeSpan");
        }
        _owner.EnterAsyncCall("IVssAsync.Wait");
        var host = _owner.Host;
        var clock = Stopwatch.StartNew();
        TimeSpan Remaining() => timeout == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : Max(TimeSpan.Zero, timeout - clock.Elapsed);

        // A gate holds the operation until a test releases it: that is a real event, so wait for it in real time.
        if (_gate is { IsReleased: false } gate && !gate.WaitReleased(Remaining()))
        {
            lock (host.Sync)
            {
                return !IsPending;
            }
        }

        while (true)
        {
            TimeSpan untilCompletion;
            lock (host.Sync)
            {
                var now = host.Time.GetUtcNow();
                TrySettle(now);
                if (!IsPending)
                {
                    return true;
                }
                if (host.VirtualWait)
                {
                    // Virtual time: nobody can advance the clock while this thread waits, so answer at once whether the
                    // operation completes within the timeout, and if it does, complete it (the wait "took" that long).
                    if (timeout == Timeout.InfiniteTimeSpan || CompletesAt <= now + timeout)
                    {
                        TrySettle(now, force: true);
                    }
                    return !IsPending;
                }
                untilCompletion = Max(TimeSpan.Zero, CompletesAt - now);
            }
            var remaining = Remaining();
            if (remaining == TimeSpan.Zero)
            {
                return false;
            }
            // Real time: block until the completion time, the timeout, or the operation ending some other way (Dispose of
            // the components object from another thread cancels it).
            var slice = remaining == Timeout.InfiniteTimeSpan ? untilCompletion : Min(untilCompletion, remaining);
            _ended.Wait(Max(slice, TimeSpan.FromMilliseconds(1)));
        }
    }

    public int QueryStatus()
    {
        _owner.EnterAsyncCall("IVssAsync.QueryStatus");
        lock (_owner.Host.Sync)
        {
            TrySettle(_owner.Host.Time.GetUtcNow());
            return _status;
        }
    }

    public void Cancel()
    {
        _owner.EnterAsyncCall("IVssAsync.Cancel");
        lock (_owner.Host.Sync)
        {
            // An operation that has already completed cannot be cancelled (COM: Cancel returns VSS_S_ASYNC_FINISHED).
            TrySettle(_owner.Host.Time.GetUtcNow());
            CancelUnderLock();
        }
    }

    /// <summary>Releasing the COM IVssAsync does not cancel the operation. From the wrong thread: counted, nothing else.</summary>
    public void Dispose() => _owner.CountAsyncDispose();

    /// <summary>Completes the operation if its time has come (or <paramref name="force"/>); under the host lock.</summary>
    public void TrySettle(DateTimeOffset now, bool force = false)
    {
        if (!IsPending || _gate is { IsReleased: false } || (!force && now < CompletesAt))
        {
            return;
        }
        End(_failure != 0 ? _failure : HResults.VSS_S_ASYNC_FINISHED);
    }

    /// <summary>Under the host lock.</summary>
    public void CancelUnderLock()
    {
        if (IsPending)
        {
            End(HResults.VSS_S_ASYNC_CANCELLED);
        }
    }

    private void End(int status)
    {
        _status = status;
        _onEnded(status);
        _ended.Set();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
