using System.CommandLine;
using Coordinator.Jobs;

namespace Coordinator.Cli;

/// <summary>
/// The arguments and options that describe a job, shared by `backup` (runs it here) and `jobs submit` (sends it to a
/// server), so both spell and read them the same way.
/// </summary>
internal sealed class JobRequestSymbols
{
    private JobRequestSymbols(string where)
    {
        Volumes = new Argument<string[]>("volume") { Description = "volumes to snapshot together, e.g. C: D: (drive letters, volume GUID paths or mount points)", Arity = ArgumentArity.OneOrMore };
        Persistent = new Option<bool>("--persistent") { Description = "keep the snapshots after the job (journaled; delete with 'coordinator snapshots delete')" };
        Include = new Option<string[]>("--include-writer") { Description = "involve only these writers (name, class id or instance id); repeatable", HelpName = "WRITER" };
        Exclude = new Option<string[]>("--exclude-writer") { Description = "leave these writers out; repeatable", HelpName = "WRITER" };
        Exec = new Option<string?>("--exec") { Description = $"program to run against the snapshots {where}(no shell; it gets the snapshot mapping in its environment)", HelpName = "PROGRAM" };
        ExecArgs = new Option<string[]>("--exec-arg") { Description = "one argument for --exec; repeatable, passed as is", HelpName = "ARG" };
        Timeout = new Option<string?>("--timeout") { Description = "deadline for the whole job, e.g. 10m (default: coordinator.job.default-timeout)", HelpName = "DURATION" };
    }

    public Argument<string[]> Volumes { get; }

    public Option<bool> Persistent { get; }

    public Option<string[]> Include { get; }

    public Option<string[]> Exclude { get; }

    public Option<string?> Exec { get; }

    public Option<string[]> ExecArgs { get; }

    public Option<string?> Timeout { get; }

    /// <summary>For `backup`: the action runs on this machine.</summary>
    public static JobRequestSymbols Local() => new("");

    /// <summary>For `jobs submit`: the action runs on the server's machine.</summary>
    public static JobRequestSymbols Remote() => new("on the server ");

    public void AddTo(Command command)
    {
        command.Arguments.Add(Volumes);
        foreach (var option in new Option[] { Persistent, Include, Exclude, Exec, ExecArgs, Timeout })
        {
            command.Options.Add(option);
        }
    }

    public JobRequest Read(ParseResult parse)
    {
        var program = parse.GetValue(Exec);
        var arguments = parse.GetValue(ExecArgs) ?? [];
        return new JobRequest
        {
            Volumes = parse.GetValue(Volumes),
            Persistent = parse.GetValue(Persistent),
            IncludeWriters = parse.GetValue(Include) ?? [],
            ExcludeWriters = parse.GetValue(Exclude) ?? [],
            Action = program is null && arguments.Length == 0 ? null : new ActionRequest { Program = program, Arguments = arguments },
            Timeout = parse.GetValue(Timeout),
        };
    }
}
