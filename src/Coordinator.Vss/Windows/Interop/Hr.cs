namespace Coordinator.Vss.Windows.Interop;

/// <summary>Turns a failed HRESULT into the port's exception. Success codes (S_FALSE, VSS_S_*) pass.</summary>
internal static class Hr
{
    public static int Check(int hresult, string operation, string? writer = null, string? detail = null) =>
        hresult < 0 ? throw VssException.Create(hresult, operation, writer, detail) : hresult;

    /// <summary>MIDL <c>boolean</c> / C++ <c>bool</c>: one byte, exactly 0 or 1.</summary>
    public static byte ToBoolean(bool value) => value ? (byte)1 : (byte)0;
}
