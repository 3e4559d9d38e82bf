namespace Coordinator.Tests.Support;

/// <summary>
/// A fact skipped (with the reason) when a program it runs is not on PATH, except under CI=true, where the program
/// belongs to the machine and its absence is a failure.
/// </summary>
public sealed class FactWhenOnPathAttribute : FactAttribute
{
    public FactWhenOnPathAttribute(string program, string howToInstall)
    {
        if (!Repository.IsCi && Locate(program) is null)
        {
            Skip = $"{program} is not on PATH; {howToInstall}";
        }
    }

    public static string? Locate(string program)
    {
        var names = OperatingSystem.IsWindows() ? new[] { program + ".cmd", program + ".exe", program } : [program];
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }
}
