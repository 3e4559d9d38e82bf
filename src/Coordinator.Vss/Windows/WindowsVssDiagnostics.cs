using Coordinator.Vss.Windows.Interop;

namespace Coordinator.Vss.Windows;

/// <summary>
/// Counters for proving the interop's bookkeeping from outside (the Wine driver prints them and the
/// test compares them with the stand-in vssapi.dll's own counts).
/// </summary>
public static class WindowsVssDiagnostics
{
    /// <summary>BSTRs received from VSS and freed with SysFreeString by the provider since process start.</summary>
    public static long BstrsFreed => Bstr.Freed;
}
