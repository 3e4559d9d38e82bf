namespace Coordinator.Kernel.TestKit;

/// <summary>A fact that runs on Windows only (e.g. STA apartment checks); elsewhere it is skipped with the reason.</summary>
public sealed class WindowsFactAttribute : Xunit.FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public WindowsFactAttribute()
    {
        if (!OperatingSystem.IsWindows())
        {
            Skip = "Skipped: needs Windows (COM apartments exist only there).";
        }
    }
}
