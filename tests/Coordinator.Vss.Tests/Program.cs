using Coordinator.Vss.Tests.Simulated;

namespace Coordinator.Vss.Tests;

/// <summary>
/// The test assembly's entry point (GenerateProgramFile is off): test runners never call it; the SIGKILL crash test starts
/// this assembly as a child process with "crash-child" to get a real process to kill.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is [CrashChild.Verb, var stateFile])
        {
            return CrashChild.Run(stateFile);
        }
        Console.Error.WriteLine($"this is a test assembly: run it with 'dotnet test' (or '{CrashChild.Verb} <state-file>' for the crash test's child)");
        return 2;
    }
}
