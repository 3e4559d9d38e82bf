using Coordinator.Kernel.Actor.Internal;

namespace Coordinator.Kernel.Actor;

/// <summary>INTERNAL API. Per-child restart budget bookkeeping, kept by the parent.</summary>
internal sealed class ChildRestartStats
{
    private int _retriesInWindow;
    private long _windowStartTimestamp;
    private bool _windowStarted;

    public ChildRestartStats(LocalActorRef child)
    {
        Child = child;
    }

    public LocalActorRef Child { get; }

    /// <summary>
    /// Akka's rule: 0 retries never restarts; a negative (unlimited) count without a window always
    /// restarts; a count without a window is a lifetime budget; with a window, more than the count
    /// inside the window is refused and the window starts afresh once it has passed.
    /// </summary>
    public bool RequestRestartPermission(int maxNrOfRetries, TimeSpan withinTimeRange, TimeProvider clock)
    {
        if (maxNrOfRetries == 0)
        {
            return false;
        }

        var retriesDefined = maxNrOfRetries > 0;
        var windowDefined = withinTimeRange > TimeSpan.Zero && withinTimeRange != Timeout.InfiniteTimeSpan;
        if (retriesDefined && !windowDefined)
        {
            _retriesInWindow++;
            return _retriesInWindow <= maxNrOfRetries;
        }

        if (windowDefined)
        {
            return RetriesInWindowOkay(retriesDefined ? maxNrOfRetries : 1, withinTimeRange, clock);
        }

        return true;
    }

    private bool RetriesInWindowOkay(int retries, TimeSpan window, TimeProvider clock)
    {
        var now = clock.GetTimestamp();
        if (!_windowStarted)
        {
            _windowStarted = true;
            _windowStartTimestamp = now;
        }

        var insideWindow = clock.GetElapsedTime(_windowStartTimestamp, now) <= window;
        if (insideWindow)
        {
            _retriesInWindow++;
            return _retriesInWindow <= retries;
        }

        _retriesInWindow = 1;
        _windowStartTimestamp = now;
        return true;
    }
}
