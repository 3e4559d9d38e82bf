using Coordinator.Actors.Jobs;
using Coordinator.Core;
using Coordinator.Hosting;
using Coordinator.Jobs;

namespace Coordinator.Server;

/// <summary>
/// coordinator.server.allowed-programs: the programs an API job may run. A token holder can otherwise run any program
/// as the server's user (docs/security.md). Entries are resolved once at start the way a job's program is (a path as
/// is, a bare name on PATH), and a job's program is compared by its resolved full path, so "tar", "/usr/bin/tar" and
/// "/usr/bin/../bin/tar" are one program.
/// </summary>
public sealed class ProgramAllowList
{
    private readonly HashSet<string>? _allowed;

    private ProgramAllowList(HashSet<string>? allowed) => _allowed = allowed;

    /// <summary>True when the list is empty: any program may run.</summary>
    public bool AllowsAny => _allowed is null;

    /// <exception cref="CoordinatorException">An entry names no executable program (bad input naming the setting).</exception>
    public static ProgramAllowList From(IReadOnlyList<string> entries)
    {
        if (entries.Count == 0)
        {
            return new ProgramAllowList(null);
        }
        var comparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var allowed = new HashSet<string>(comparer);
        foreach (var entry in entries)
        {
            try
            {
                allowed.Add(Resolve(entry));
            }
            catch (JobValidationException ex)
            {
                throw CoordinatorException.BadInput($"configuration: {ServerOptions.AllowedProgramsKey}: {ex.Message}");
            }
        }
        return new ProgramAllowList(allowed);
    }

    /// <summary>The problem with a job's action, or null when its program may run (or it has none).</summary>
    public FieldError? Check(BackupJob job)
    {
        if (_allowed is null || job.Action is not ExternalProgramAction action || _allowed.Contains(action.Program))
        {
            return null;
        }
        return new FieldError(JobRequestValidator.FieldName(JobField.ActionProgram),
            $"program '{BoundedText.Shorten(action.Program, 256)}' is not in {ServerOptions.AllowedProgramsKey}: run one of the allowed programs, or ask the server's administrator to add it");
    }

    private static string Resolve(string program) =>
        ((ExternalProgramAction)BackupJob.ResolveAction(new ExternalProgramAction(program, [], null))!).Program;
}
