using Coordinator.Core;
using Coordinator.Output;
using Coordinator.Providers;
using Spectre.Console;

namespace Coordinator.Cli;

/// <summary>The human form of a job's result: status, error, volumes → snapshots, writers → final state.</summary>
public static class HumanRenderer
{
    public static void RenderResult(IAnsiConsole console, JsonResultDocument document)
    {
        var colour = document.Status switch
        {
            "succeeded" => "green",
            "cancelled" => "yellow",
            _ => "red",
        };
        console.MarkupLine($"Job [bold]{TerminalText.Markup(document.JobId)}[/]: [{colour}]{TerminalText.Markup(document.Status)}[/]" +
                           $" after {document.Attempts} attempt(s), provider {TerminalText.Markup(document.Provider ?? "?")}");
        if (document.Error is { } error)
        {
            var code = error.Hresult is null ? "" : $" {error.Name} ({error.Hresult})";
            var writer = error.Writer is null ? "" : $", writer '{error.Writer}'";
            console.MarkupLine($"[{colour}]{TerminalText.Markup($"{error.Operation} failed{code}{writer}: {error.Message}")}[/]");
        }

        if (document.Volumes.Count > 0)
        {
            var volumes = new Table().Title("Snapshots" + (document.SnapshotSetId is { } set ? $" (set {set})" : ""))
                .AddColumn("Volume").AddColumn("Snapshot").AddColumn("Device object");
            foreach (var v in document.Volumes)
            {
                volumes.AddRow(TerminalText.Markup(v.Volume), v.SnapshotId.ToString(), TerminalText.Markup(v.DeviceObject));
            }
            console.Write(volumes);
            console.WriteLine(document.Persistent
                ? "The snapshots are persistent: delete them with 'coordinator snapshots delete --set <id>'."
                : "The snapshots were released with the backup session.");
        }

        if (document.Writers.Count > 0)
        {
            var writers = new Table().Title("Writers").AddColumn("Writer").AddColumn("Final state").AddColumn("Failure");
            foreach (var w in document.Writers)
            {
                var failed = w.State.Contains("FAILED", StringComparison.Ordinal);
                writers.AddRow(
                    TerminalText.Markup(w.Name),
                    failed ? $"[red]{TerminalText.Markup(w.State)}[/]" : TerminalText.Markup(w.State),
                    TerminalText.Markup(w.Failure is null ? "" : $"{w.FailureName} ({w.Failure})"));
            }
            console.Write(writers);
        }

        foreach (var warning in document.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {TerminalText.Markup(warning)}");
        }
        if (document.Simulator is { } s)
        {
            console.WriteLine($"Simulator: leaks {s.Leaks}, objects {s.ObjectsCreated} created / {s.ObjectsReleased} released, " +
                              $"writer status {s.WriterStatusGathered} gathered / {s.WriterStatusFreed} freed, " +
                              $"metadata {s.WriterMetadataGathered} gathered / {s.WriterMetadataFreed} freed, " +
                              $"snapshots alive {s.SnapshotsAlive}, wrong-thread calls {s.WrongThreadCalls}");
        }
    }

    public static void RenderWriters(IAnsiConsole console, IReadOnlyList<WriterInfo> writers)
    {
        var table = new Table().Title("Writers").AddColumn("Writer").AddColumn("Class id / instance id").AddColumn("State").AddColumn("Components");
        foreach (var w in writers)
        {
            var components = string.Join("\n", w.Components.Select(c =>
                $"{c.Path} ({c.Type}{(c.Selectable ? ", selectable" : "")})" + string.Concat(c.Files.Select(f => "\n    " + f))));
            var state = w.Failure is null ? w.State : $"{w.State}\n{w.FailureName} ({w.Failure})";
            table.AddRow(TerminalText.Markup(w.Name), $"{w.ClassId}\n{w.InstanceId}", TerminalText.Markup(state), TerminalText.Markup(components));
        }
        console.Write(table);
    }
}
