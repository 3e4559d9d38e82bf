namespace Coordinator.Kernel.Actor;

/// <summary>
/// INTERNAL API. One per actor incarnation. Each start of a key gets a new generation; the message sent by the
/// underlying scheduler carries (owner, key, generation), and the cell drops any that no longer match, which
/// covers cancelled timers, restarted keys and earlier incarnations.
/// </summary>
internal sealed class TimerScheduler : ITimerScheduler
{
    private readonly ActorCell _cell;
    private readonly Dictionary<object, Timer> _timers = new();
    private int _generation;

    public TimerScheduler(ActorCell cell)
    {
        _cell = cell;
    }

    public IReadOnlyCollection<object> ActiveTimers => _timers.Keys.ToArray();

    public void StartPeriodicTimer(object key, object msg, TimeSpan interval) => StartTimer(key, msg, interval, interval, repeat: true, null);

    public void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval) =>
        StartTimer(key, msg, initialDelay, interval, repeat: true, null);

    public void StartSingleTimer(object key, object msg, TimeSpan timeout) => StartTimer(key, msg, timeout, TimeSpan.Zero, repeat: false, null);

    public void StartSingleTimer(object key, object msg, TimeSpan timeout, IActorRef sender) =>
        StartTimer(key, msg, timeout, TimeSpan.Zero, repeat: false, sender);

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var timer))
        {
            timer.Task.Cancel();
        }
    }

    public void CancelAll()
    {
        foreach (var timer in _timers.Values)
        {
            timer.Task.Cancel();
        }

        _timers.Clear();
    }

    /// <summary>True if <paramref name="timerMsg"/> is from a live timer; then <paramref name="message"/> is the user's message.</summary>
    public bool TryIntercept(TimerMsg timerMsg, out object message)
    {
        message = timerMsg;
        if (!ReferenceEquals(timerMsg.Owner, this) || !_timers.TryGetValue(timerMsg.Key, out var timer) || timer.Generation != timerMsg.Generation)
        {
            return false;
        }

        if (!timer.Repeat)
        {
            _timers.Remove(timerMsg.Key);
        }

        message = timer.Message;
        return true;
    }

    private void StartTimer(object key, object msg, TimeSpan timeout, TimeSpan interval, bool repeat, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(msg);
        if (!ActorCell.IsCurrent(_cell))
        {
            throw new InvalidOperationException("Timers are not thread safe: use them only on the actor's own turn (not after ConfigureAwait(false)).");
        }

        Cancel(key);
        var generation = ++_generation;
        var timerMsg = new TimerMsg(key, generation, this);
        var scheduler = _cell.System.Scheduler;
        var task = repeat
            ? scheduler.ScheduleTellRepeatedlyCancelable(timeout, interval, _cell.Self, timerMsg, sender)
            : scheduler.ScheduleTellOnceCancelable(timeout, _cell.Self, timerMsg, sender);
        _timers[key] = new Timer(msg, repeat, generation, task);
    }

    private sealed record Timer(object Message, bool Repeat, int Generation, ICancelable Task);

    /// <summary>The envelope of a timer message in the mailbox.</summary>
    internal sealed record TimerMsg(object Key, int Generation, TimerScheduler Owner) : IDeadLetterSuppression;
}
