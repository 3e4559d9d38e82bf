namespace Coordinator.Vss.Simulated;

/// <summary>Where an injected failure of a call shows.</summary>
public enum FaultSite
{
    /// <summary>
    /// The asynchronous result (<see cref="IVssAsync.QueryStatus"/>) for the five asynchronous operations, as VSS reports
    /// most failures of them; the immediate return for every other call.
    /// </summary>
    Default,

    /// <summary>The method's immediate return: it throws before any IVssAsync exists (e.g. E_ACCESSDENIED, or E_INVALIDARG for a NULL ppAsync).</summary>
    Call,

    /// <summary>The IVssAsync's QueryStatus result; only for the asynchronous operations.</summary>
    Async,
}

/// <summary>
/// Makes a call fail with <see cref="HResult"/>. <see cref="Times"/> counts attempts across every components object of the
/// host, so "fails twice, then works" is <c>times: 2</c>. With <see cref="AfterCall"/>, only objects that have already made
/// that call are affected (e.g. GatherWriterStatus after BackupComplete). A faulted call has passed the state machine's checks
/// first: a call out of sequence reports VSS_E_BAD_STATE and does not use up the fault.
/// </summary>
public sealed class CallFault
{
    /// <summary>Use as <c>times</c> for a fault that never wears off.</summary>
    public const int Always = int.MaxValue;

    private int _remaining;

    public CallFault(string call, int hresult, int times = 1, string? afterCall = null, FaultSite where = FaultSite.Default)
    {
        if (!VssCallNames.All.Contains(call))
        {
            throw new ArgumentException($"unknown call '{call}'; expected one of {string.Join(", ", VssCallNames.All)}", nameof(call));
        }
        if (afterCall is not null && !VssCallNames.All.Contains(afterCall))
        {
            throw new ArgumentException($"unknown afterCall '{afterCall}'; expected one of {string.Join(", ", VssCallNames.All)}", nameof(afterCall));
        }
        if (where == FaultSite.Async && !VssCallNames.Asynchronous.Contains(call))
        {
            throw new ArgumentException($"'{call}' is synchronous: an async-site fault needs one of {string.Join(", ", VssCallNames.Asynchronous)}", nameof(where));
        }
        if (hresult >= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(hresult), VssErrorCatalog.ToHex(hresult), "a fault needs a failure HRESULT (high bit set)");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        Call = call;
        HResult = hresult;
        Times = times;
        AfterCall = afterCall;
        Where = where;
        _remaining = times;
    }

    public string Call { get; }

    public int HResult { get; }

    public int Times { get; }

    public string? AfterCall { get; }

    public FaultSite Where { get; }

    /// <summary>How many more attempts this fault will fail.</summary>
    public int Remaining => Volatile.Read(ref _remaining);

    /// <summary>The site the failure really shows at, resolving <see cref="FaultSite.Default"/>.</summary>
    public FaultSite EffectiveSite =>
        Where != FaultSite.Default ? Where : VssCallNames.Asynchronous.Contains(Call) ? FaultSite.Async : FaultSite.Call;

    /// <summary>Uses up one attempt; false once the fault has worn off. Thread-safe.</summary>
    internal bool TryConsume()
    {
        while (true)
        {
            var remaining = Volatile.Read(ref _remaining);
            if (remaining <= 0)
            {
                return false;
            }
            var next = remaining == Always ? Always : remaining - 1;
            if (Interlocked.CompareExchange(ref _remaining, next, remaining) == remaining)
            {
                return true;
            }
        }
    }

    public override string ToString() =>
        $"{Call} -> {VssErrorCatalog.NameOf(HResult)} ({Remaining}/{Times} left{(AfterCall is null ? "" : ", after " + AfterCall)}, {EffectiveSite})";
}
