using Coordinator.Vss.WineDriver;

// Usage: Coordinator.Vss.WineDriver backup|create|wrong-thread
// Exit codes: 0 success, 2 a VssException (printed as JSON), 3 not Windows, 64 bad usage.
var mode = args.Length == 1 ? args[0] : string.Empty;
if (mode is not ("backup" or "create" or "wrong-thread"))
{
    Console.Error.WriteLine("usage: Coordinator.Vss.WineDriver backup|create|wrong-thread");
    return 64;
}
if (!OperatingSystem.IsWindows())
{
    Console.Error.WriteLine("The Windows VSS provider needs Windows: run this win-x64 build on Windows or under Wine (tests/wine/run-wine-tests.sh).");
    return 3;
}
return mode == "wrong-thread" ? WrongThread.Run() : BackupSequence.Run(mode);
