using System.CommandLine;
using System.Text.Json;
using Coordinator.Core;
using Coordinator.Journal;
using Coordinator.Output;
using Coordinator.Providers;
using Spectre.Console;

namespace Coordinator.Cli;

/// <summary>
/// `coordinator snapshots list|delete`: the shadow copies this coordinator created (the journal) that the provider
/// still has. Deletion is limited to journaled ones: the coordinator never deletes someone else's snapshots.
/// </summary>
public static class SnapshotsCommand
{
    public static Command Create(CliConsole console, CliDependencies dependencies)
    {
        var command = new Command("snapshots", "List or delete the shadow copies this coordinator created and that are still alive.");
        command.Subcommands.Add(CreateList(console, dependencies));
        command.Subcommands.Add(CreateDelete(console, dependencies));
        return command;
    }

    public sealed record SnapshotRow(Guid SetId, Guid SnapshotId, string Volume, string? DeviceObject, string JobId, bool Persistent, DateTimeOffset RecordedAt, bool Present);

    private static Command CreateList(CliConsole console, CliDependencies dependencies)
    {
        var command = new Command("list", "List journaled snapshot sets not yet deleted, with what the provider reports.");
        var common = CommonOptions.ForProviderCommand(journal: true);
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = common.Read(parse);
            await using var host = CommandHost.Create(dependencies, options.ConfigPath, options.Overrides, options.Verbose);
            using var provider = host.OpenProvider();
            var journal = host.OpenJournal();
            var rows = await ListAsync(journal, provider);
            if (options.Json)
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(new { provider = provider.Name, snapshots = rows }, JsonDefaults.Indented));
                return ExitCodes.Succeeded;
            }
            if (rows.Count == 0)
            {
                console.Ansi.WriteLine($"No snapshots created by this coordinator are alive (journal {TerminalText.Escape(journal.Path)}, {provider.Description}).");
                return ExitCodes.Succeeded;
            }
            var table = new Table().AddColumn("Set").AddColumn("Snapshot").AddColumn("Volume").AddColumn("Device object").AddColumn("Job").AddColumn("Persistent").AddColumn("Provider has it");
            foreach (var r in rows)
            {
                table.AddRow(r.SetId.ToString(), r.SnapshotId.ToString(), TerminalText.Markup(r.Volume), TerminalText.Markup(r.DeviceObject ?? ""), r.JobId,
                    r.Persistent ? "yes" : "no", r.Present ? "yes" : "[yellow]no[/]");
            }
            console.Ansi.Write(table);
            return ExitCodes.Succeeded;
        });
        return command;
    }

    public static async Task<IReadOnlyList<SnapshotRow>> ListAsync(SqliteJournal journal, ProviderHandle provider)
    {
        var live = journal.LiveSnapshotSets();
        var present = (await SnapshotMaintenance.QueryAsync(provider)).ToDictionary(p => p.SnapshotId);
        return live.SelectMany(set => set.Snapshots.Select(s => new SnapshotRow(
                set.SetId, s.SnapshotId, s.Volume,
                present.TryGetValue(s.SnapshotId, out var p) ? p.SnapshotDeviceObject : null,
                set.JobId, set.Persistent, set.RecordedAt, present.ContainsKey(s.SnapshotId))))
            .ToList();
    }

    private static Command CreateDelete(CliConsole console, CliDependencies dependencies)
    {
        var set = new Option<string?>("--set") { Description = "delete every snapshot of this set", HelpName = "ID" };
        var id = new Option<string?>("--id") { Description = "delete this snapshot", HelpName = "ID" };
        var all = new Option<bool>("--all") { Description = "delete every journaled snapshot set still alive" };
        var command = new Command("delete", "Delete snapshots this coordinator created (journaled ones only).") { set, id, all };
        var common = CommonOptions.ForProviderCommand(journal: true, json: false);
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var setId = ParseId(parse.GetValue(set), "--set", "snapshot set");
            var snapshotId = ParseId(parse.GetValue(id), "--id", "snapshot");
            var deleteAll = parse.GetValue(all);
            if ((setId is null ? 0 : 1) + (snapshotId is null ? 0 : 1) + (deleteAll ? 1 : 0) != 1)
            {
                throw CliException.BadInput("snapshots delete: give exactly one of --set ID, --id ID or --all");
            }
            var options = common.Read(parse);
            await using var host = CommandHost.Create(dependencies, options.ConfigPath, options.Overrides, options.Verbose);
            using var provider = host.OpenProvider();
            var journal = host.OpenJournal();
            if (snapshotId is { } one)
            {
                if (journal.FindSetOfSnapshot(one) is not { GoneAt: null })
                {
                    throw CliException.BadInput($"--id: snapshot {one} is not a live snapshot of this coordinator (see 'coordinator snapshots list')");
                }
                var outcome = await SnapshotMaintenance.DeleteSnapshotAsync(provider, one);
                return Report(console, [outcome], (o, how) => journal.MarkSnapshotGone(o.Id, how));
            }
            IReadOnlyList<Guid> sets;
            if (setId is { } chosen)
            {
                if (journal.GetSnapshotSet(chosen) is not { GoneAt: null })
                {
                    throw CliException.BadInput($"--set: snapshot set {chosen} is not a live set of this coordinator (see 'coordinator snapshots list')");
                }
                sets = [chosen];
            }
            else
            {
                sets = journal.LiveSnapshotSets().Select(s => s.SetId).ToList();
            }
            var outcomes = await SnapshotMaintenance.DeleteSetsAsync(provider, sets);
            return Report(console, outcomes, (o, how) => journal.MarkSnapshotSetGone(o.Id, how));
        });
        return command;
    }

    private static Guid? ParseId(string? text, string option, string what) =>
        text is null ? null
        : Guid.TryParse(text.Trim('{', '}'), out var id) ? id
        : throw CliException.BadInput($"{option}: '{text}' is not a {what} id: give a GUID as 'coordinator snapshots list' shows it");

    private static int Report(CliConsole console, IReadOnlyList<DeleteOutcome> outcomes, Action<DeleteOutcome, string> markGone)
    {
        var failed = 0;
        foreach (var outcome in outcomes)
        {
            switch (outcome.Result)
            {
                case DeleteResult.Deleted:
                    markGone(outcome, "deleted by 'snapshots delete'");
                    console.Out.WriteLine($"deleted {outcome.Id}");
                    break;
                case DeleteResult.AlreadyGone:
                    markGone(outcome, "already gone at 'snapshots delete'");
                    console.Out.WriteLine($"{outcome.Id} was already gone");
                    break;
                default:
                    failed++;
                    console.WriteErrorLine($"could not delete {outcome.Id}: {outcome.Error}");
                    break;
            }
        }
        if (outcomes.Count == 0)
        {
            console.Out.WriteLine("nothing to delete");
        }
        return failed == 0 ? ExitCodes.Succeeded : ExitCodes.BackupFailed;
    }
}
