namespace Coordinator.Kernel.Actor;

/// <summary>Implemented by actors that use timers; the kernel sets <see cref="Timers"/> right after construction, before PreStart.</summary>
public interface IWithTimers
{
    /// <summary>The actor's timers.</summary>
    ITimerScheduler Timers { get; set; }
}

/// <summary>
/// Keyed timers owned by one actor. Restarting a key cancels the old timer, and no message of the old one is
/// received, even if already queued. All timers are cancelled when the actor restarts or stops.
/// Use only on the actor's own turn.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>Keys of active timers.</summary>
    IReadOnlyCollection<object> ActiveTimers { get; }

    /// <summary>Sends <paramref name="msg"/> every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object msg, TimeSpan interval);

    /// <summary>Sends <paramref name="msg"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval);

    /// <summary>Sends <paramref name="msg"/> once after <paramref name="timeout"/>.</summary>
    void StartSingleTimer(object key, object msg, TimeSpan timeout);

    /// <summary>Sends <paramref name="msg"/> once after <paramref name="timeout"/>, with <paramref name="sender"/>.</summary>
    void StartSingleTimer(object key, object msg, TimeSpan timeout, IActorRef sender);

    /// <summary>True if the timer <paramref name="key"/> is active.</summary>
    bool IsTimerActive(object key);

    /// <summary>Cancels the timer <paramref name="key"/>.</summary>
    void Cancel(object key);

    /// <summary>Cancels all timers.</summary>
    void CancelAll();
}
