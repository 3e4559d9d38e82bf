using System.Runtime.InteropServices;
using Coordinator.Bench.Coordination;
using Coordinator.Bench.Harness;
using Coordinator.Bench.Dispatch;

// Coordinator.Bench: the dispatcher rows and the coordination rows in one table. Exit code 1 when a target is
// missed, 2 on bad arguments. Ratios are taken within one run because the machines are shared.
// --only <group> (memory, dispatch, overhead, makespan) runs one group, for investigating a row. The server group
// (real `coordinator serve` processes under HTTP load, issue 19) runs only when asked for: --only server.
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
var sizeArgs = args.Where((a, i) => a != "--only" && (i == 0 || args[i - 1] != "--only")).ToArray();
var mode = sizeArgs switch
{
    [] or ["--quick"] => BenchMode.Quick,
    ["--full"] => BenchMode.Full,
    _ => null,
};
string[] groups = ["memory", "dispatch", "overhead", "makespan", "server"];
if (mode is null || (only is not null && !groups.Contains(only)))
{
    Console.Error.WriteLine("usage: Coordinator.Bench [--quick | --full] [--only memory|dispatch|overhead|makespan|server]");
    return 2;
}
bool Runs(string group) => only == group || (only is null && group != "server");

var started = DateTimeOffset.UtcNow;
var watch = System.Diagnostics.Stopwatch.StartNew();
var rows = new List<Row>();

void Progress(string what) => Console.Error.WriteLine($"[{watch.Elapsed.TotalSeconds,5:0.0} s] {what}");

if (Runs("memory"))
{
    Progress($"mode {mode.Name}: memory per idle session");
    rows.AddRange(await IdleMemoryBench.RunAsync(mode));
}
if (Runs("dispatch"))
{
    Progress("dispatcher ping-pong and Ask");
    rows.AddRange(await DispatchBench.RunAsync(mode));
}
if (Runs("overhead"))
{
    Progress("coordination overhead");
    rows.Add(await OverheadBench.RunAsync(mode));
    Progress("coordination overhead, gate on the default dispatcher");
    rows.Add(await OverheadBench.RunGateOnDefaultDispatcherAsync(mode));
}
foreach (var k in Runs("makespan") ? [1, 8, 32] : Array.Empty<int>())
{
    Progress($"makespan K={k}");
    using var system = BenchConfig.CreateSystem($"bench-makespan-{k}");
    rows.Add(await MakespanBench.RunAsync(system, k, mode));
}
if (Runs("server"))
{
    rows.AddRange(await Coordinator.Bench.Server.ServerBench.RunAsync(mode, Progress));
}

Console.WriteLine($"Coordinator.Bench --{mode.Name}, {started:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, "
    + $"{RuntimeInformation.OSDescription}, .NET {Environment.Version}, {watch.Elapsed.TotalSeconds:0.0} s");
Console.WriteLine();
Console.Write(Table.Render(rows));
var failed = rows.Count(r => !r.Passed);
Console.WriteLine(failed == 0 ? "all targets met" : $"{failed} target(s) missed");
return failed == 0 ? 0 : 1;
