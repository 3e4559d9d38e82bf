using Coordinator.Kernel.Dispatch;

namespace Coordinator.Kernel.Tests.Dispatch;

/// <summary>Counts live threads by name prefix: in the kernel's registry and, on Linux, as the OS sees them.</summary>
internal static class ThreadCounter
{
    public static int Kernel(string prefix) => DedicatedThreadExecutorService.LiveThreadCount(prefix);

    /// <summary>Threads of this process whose OS name starts with <paramref name="prefix"/> (Linux: /proc/self/task/*/comm; elsewhere the kernel's count).</summary>
    public static int Os(string prefix)
    {
        if (!OperatingSystem.IsLinux())
        {
            return Kernel(prefix);
        }

        var count = 0;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).StartsWith(prefix, StringComparison.Ordinal))
                {
                    count++;
                }
            }
            catch (IOException)
            {
                // The thread exited while we were looking.
            }
        }

        return count;
    }
}
