namespace Coordinator.Vss.Windows.Interop;

/// <summary>
/// Marks a static class whose <c>const int</c> fields are the vtable slots of one COM interface, named
/// after the methods. The layout test finds these classes by reflection and compares every slot with the
/// <c>...Vtbl</c> struct of the MinGW header named here, so a wrong slot fails a test on Linux instead of
/// calling the wrong method on Windows.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class VssVtableAttribute(string interfaceName, string header) : Attribute
{
    /// <summary>The COM interface, e.g. IVssBackupComponents.</summary>
    public string InterfaceName { get; } = interfaceName;

    /// <summary>The MinGW header that declares it, e.g. vsbackup.h.</summary>
    public string Header { get; } = header;
}
