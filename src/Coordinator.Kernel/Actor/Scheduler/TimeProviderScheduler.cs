namespace Coordinator.Kernel.Actor;

/// <summary>INTERNAL API. <see cref="IScheduler"/> on a <see cref="TimeProvider"/>.</summary>
internal sealed class TimeProviderScheduler : IScheduler
{
    private readonly TimeProvider _timeProvider;

    public TimeProviderScheduler(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    public DateTimeOffset Now => _timeProvider.GetUtcNow();

    public void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender) =>
        ScheduleTellOnceCancelable(delay, receiver, message, sender);

    public ICancelable ScheduleTellOnceCancelable(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender) =>
        new ScheduledTell(_timeProvider, Clamp(delay), Timeout.InfiniteTimeSpan, receiver, message, sender);

    public ICancelable ScheduleTellRepeatedlyCancelable(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), "The interval must be positive.");
        }

        return new ScheduledTell(_timeProvider, Clamp(initialDelay), interval, receiver, message, sender);
    }

    private static TimeSpan Clamp(TimeSpan delay) => delay < TimeSpan.Zero ? TimeSpan.Zero : delay;

    /// <summary>
    /// Owns its timer. The timer's state is this object, so the timer stays reachable (and is not
    /// collected and silently closed) for as long as it is pending.
    /// </summary>
    private sealed class ScheduledTell : ICancelable
    {
        private readonly ICanTell _receiver;
        private readonly object _message;
        private readonly IActorRef? _sender;
        private readonly ITimer _timer;
        private volatile bool _cancelled;

        public ScheduledTell(TimeProvider timeProvider, TimeSpan dueTime, TimeSpan period, ICanTell receiver, object message, IActorRef? sender)
        {
            _receiver = receiver;
            _message = message;
            _sender = sender;

            // Do not let timers capture the caller's ExecutionContext (e.g. a test's ambient sender).
            var restoreFlow = !ExecutionContext.IsFlowSuppressed();
            var flow = restoreFlow ? ExecutionContext.SuppressFlow() : default;
            try
            {
                _timer = timeProvider.CreateTimer(static s => ((ScheduledTell)s!).Fire(), this, dueTime, period);
            }
            finally
            {
                if (restoreFlow)
                {
                    flow.Undo();
                }
            }
        }

        public bool IsCancellationRequested => _cancelled;

        public void Cancel()
        {
            _cancelled = true;
            _timer.Dispose();
        }

        private void Fire()
        {
            if (!_cancelled)
            {
                _receiver.Tell(_message, _sender);
            }
        }
    }
}
