using System.Diagnostics;

namespace Coordinator.Vss.Windows.Interop;

/// <summary>
/// One counted reference to a COM object, released exactly once by <see cref="Dispose"/>. There is
/// deliberately no finalizer: a finalizer would release on the finalizer thread, breaking the
/// one-thread rule of VSS objects, and would hide leaks that the Wine proof is meant to catch.
/// </summary>
internal sealed unsafe class ComRef : IDisposable
{
    private readonly string _interfaceName;
    private readonly int _ownerThread = Environment.CurrentManagedThreadId;
    private nint _pointer;

    /// <summary>Takes ownership of a reference the callee AddRef'ed for us (an out parameter).</summary>
    public ComRef(nint pointer, string interfaceName)
    {
        if (pointer == 0)
        {
            throw new ArgumentNullException(nameof(pointer), $"A VSS call succeeded but returned a null {interfaceName} pointer.");
        }
        _pointer = pointer;
        _interfaceName = interfaceName;
    }

    /// <summary>The interface pointer, for passing as <c>This</c>.</summary>
    public nint Pointer
    {
        get
        {
            // Thread affinity is the caller's job (actors pin each object to one thread); catch slips in debug.
            Debug.Assert(
                Environment.CurrentManagedThreadId == _ownerThread,
                $"{_interfaceName} used from thread {Environment.CurrentManagedThreadId}, created on {_ownerThread}.");
            var pointer = _pointer;
            ObjectDisposedException.ThrowIf(pointer == 0, this);
            return pointer;
        }
    }

    /// <summary>The function pointer in vtable slot <paramref name="slot"/> (a constant from the *Slots classes).</summary>
    public void* Slot(int slot) => (*(void***)Pointer)[slot];

    public void Dispose()
    {
        var pointer = _pointer;
        if (pointer == 0)
        {
            return;
        }
        _pointer = 0;
        var release = (delegate* unmanaged[Stdcall]<nint, uint>)(*(void***)pointer)[IUnknownSlots.Release];
        release(pointer);
    }

    public override string ToString() => $"{_interfaceName}@0x{_pointer:X}";
}
