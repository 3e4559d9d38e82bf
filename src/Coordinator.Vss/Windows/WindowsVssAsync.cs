using System.Runtime.Versioning;
using Coordinator.Vss.Windows.Interop;

namespace Coordinator.Vss.Windows;

/// <summary>An <see cref="IVssAsync"/> over the COM object returned by one of the five long operations.</summary>
[SupportedOSPlatform("windows")]
internal sealed unsafe class WindowsVssAsync : IVssAsync
{
    private const uint Infinite = 0xFFFFFFFF;

    // HRESULT_FROM_WIN32(WAIT_TIMEOUT): how a bounded IVssAsync::Wait may report that time ran out.
    private const int WaitTimeout = unchecked((int)0x80070102);

    private readonly ComRef _async;
    private readonly string _operation;

    public WindowsVssAsync(nint pointer, string operation)
    {
        _async = new ComRef(pointer, "IVssAsync");
        _operation = operation;
    }

    public bool Wait(TimeSpan timeout)
    {
        var wait = (delegate* unmanaged[Stdcall]<nint, uint, int>)_async.Slot(IVssAsyncSlots.Wait);
        var hr = wait(_async.Pointer, ToMilliseconds(timeout));
        if (hr == WaitTimeout)
        {
            return false;
        }
        Hr.Check(hr, _operation + ".Wait");
        // Wait's own result does not say whether the operation is still running on every Windows
        // version; the status does.
        return QueryStatus() != HResults.VSS_S_ASYNC_PENDING;
    }

    public int QueryStatus()
    {
        var queryStatus = (delegate* unmanaged[Stdcall]<nint, int*, int*, int>)_async.Slot(IVssAsyncSlots.QueryStatus);
        int status;
        // pReserved must be NULL (vss.h documents it as reserved).
        Hr.Check(queryStatus(_async.Pointer, &status, null), _operation + ".QueryStatus");
        return status;
    }

    public void Cancel()
    {
        var cancel = (delegate* unmanaged[Stdcall]<nint, int>)_async.Slot(IVssAsyncSlots.Cancel);
        Hr.Check(cancel(_async.Pointer), _operation + ".Cancel");
    }

    public void Dispose() => _async.Dispose();

    private static uint ToMilliseconds(TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return Infinite;
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        // Clamp below INFINITE so a huge finite timeout never turns into "wait forever" by accident.
        return (uint)Math.Min(Math.Ceiling(timeout.TotalMilliseconds), Infinite - 1);
    }
}
