using System.Runtime.InteropServices;
using Coordinator.Cli;
using Coordinator.Vss.Windows;

// The last barrier for exceptions on other threads (a timer, a callback), which end the process: one line and
// exit 70 with the details in a crash file, as CliApp does for the command's own thread, never a stack trace.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    var exception = e.ExceptionObject as Exception ?? new InvalidOperationException(e.ExceptionObject?.ToString());
    Console.Error.WriteLine("coordinator: error: " + CrashReport.Line(exception, CrashReport.Write(exception, args)));
    Environment.Exit(ExitCodes.InternalError);
};

// COM security must be set before the runtime or anything else touches COM, or writers cannot call back
// (docs/vss-reference.md#com-security-and-privileges). RPC_E_TOO_LATE is reported, not hidden.
if (OperatingSystem.IsWindows())
{
    var security = ComSecurity.Initialize();
    if (!security.Succeeded)
    {
        Console.Error.WriteLine("coordinator: warning: " + security.Message);
    }
}

// Ctrl+C / SIGTERM cancel the running job; the job cleans up (AbortBackup, release, delete snapshots) and the
// process exits 130. A second signal is not intercepted, so it ends the process at once.
using var cancellation = new CancellationTokenSource();
void OnSignal(PosixSignalContext context)
{
    if (!cancellation.IsCancellationRequested)
    {
        context.Cancel = true;
        cancellation.Cancel();
    }
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

return await new CliApp(CliConsole.System()).RunAsync(args, cancellation.Token);
