using Coordinator.Vss.WineContract;

// Usage: Coordinator.Vss.WineContract
// Runs every contract test class in this assembly; one line per test, then "contract: N passed, M failed, K skipped".
// Exit codes: 0 all passed, 1 a test failed (or no test class was found), 3 not Windows.
if (!OperatingSystem.IsWindows())
{
    Console.Error.WriteLine("The contract run targets the Windows VSS provider: run this win-x64 build on Windows or under Wine.");
    return 3;
}
var security = Coordinator.Vss.Windows.ComSecurity.Initialize();
Console.WriteLine($"comSecurity: {security.Message}");
return ContractRunner.Run(typeof(ContractRunner).Assembly);
