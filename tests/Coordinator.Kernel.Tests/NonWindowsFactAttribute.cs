namespace Coordinator.Kernel.Tests;

/// <summary>A fact that runs everywhere but Windows.</summary>
public sealed class NonWindowsFactAttribute : FactAttribute
{
    public NonWindowsFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Checks non-Windows behaviour.";
        }
    }
}
