using Spectre.Console;
using System.CommandLine;
using System.Text.Json;
using Coordinator.Output;
using Coordinator.Providers;

namespace Coordinator.Cli;

/// <summary>`coordinator writers`: the writers, their components and states (vssadmin list writers + vshadow -wm).</summary>
public static class WritersCommand
{
    public static Command Create(CliConsole console, CliDependencies dependencies)
    {
        var common = CommonOptions.ForProviderCommand(journal: false);
        var command = new Command("writers", "List the VSS writers, their components and states.");
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = common.Read(parse);
            await using var host = CommandHost.Create(dependencies, options.ConfigPath, options.Overrides, options.Verbose);
            using var handle = host.OpenProvider();
            var writers = await Gather(handle, host.Config.Actors.Timeouts.GatherWriterMetadata).WaitAsync(cancellationToken);
            if (options.Json)
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(new { provider = handle.Name, writers }, JsonDefaults.Indented));
            }
            else
            {
                console.Ansi.WriteLine($"Writers reported by the {handle.Description}:");
                HumanRenderer.RenderWriters(console.Ansi, writers);
            }
            return ExitCodes.Succeeded;
        });
        return command;
    }

    internal static async Task<IReadOnlyList<WriterInfo>> Gather(ProviderHandle provider, TimeSpan timeout)
    {
        try
        {
            return await WriterInventory.GatherAsync(provider, timeout);
        }
        catch (Vss.VssException ex) when (ex.HResult == Vss.HResults.E_ACCESSDENIED)
        {
            throw CliException.Environment($"{ex.Operation}: access denied: run as Administrator or Backup Operator");
        }
        catch (Vss.VssException ex)
        {
            throw new CliException(ExitCodes.BackupFailed, ex.Message);
        }
        catch (TimeoutException ex)
        {
            throw new CliException(ExitCodes.BackupFailed, ex.Message);
        }
    }
}
