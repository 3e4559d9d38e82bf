using Coordinator.Actors.Jobs;

namespace Coordinator.Actors.Actions;

/// <summary>
/// Finds the program of an --exec action the way the OS would without a shell: a path is taken as is, a bare name is
/// searched on PATH (with PATHEXT on Windows). Checked up front so a typo fails as bad input, not mid-backup.
/// </summary>
internal static class ProgramLocator
{
    public static string? Resolve(string program)
    {
        if (program.Contains(Path.DirectorySeparatorChar) || program.Contains(Path.AltDirectorySeparatorChar))
        {
            return IsExecutable(program) ? Path.GetFullPath(program) : null;
        }
        var extensions = OperatingSystem.IsWindows()
            ? ["", .. (Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(';', StringSplitOptions.RemoveEmptyEntries)]
            : new[] { "" };
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(directory, program + extension);
                if (IsExecutable(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    /// <summary>The resolved path, or a <see cref="JobValidationException"/> saying what to give instead.</summary>
    public static string ResolveOrThrow(string program) =>
        Resolve(program) ?? throw new JobValidationException(
            program.Contains(Path.DirectorySeparatorChar) || program.Contains(Path.AltDirectorySeparatorChar)
                ? $"program '{program}' does not exist or is not executable: give the path of an executable file"
                : $"program '{program}' was not found on PATH: give its full path (no shell is used)",
            JobField.ActionProgram);

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }
        if (OperatingSystem.IsWindows())
        {
            return true;
        }
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
