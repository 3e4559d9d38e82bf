namespace Coordinator.Kernel.Configuration;

/// <summary>Creates <see cref="Config"/> objects from HOCON text or files (Akka's <c>ConfigurationFactory</c>).</summary>
public static class ConfigurationFactory
{
    /// <summary>A config with no keys.</summary>
    public static Config Empty => Config.Empty;

    /// <summary>
    /// Parses HOCON text. Includes are relative to the current directory; substitutions fall back to
    /// environment variables.
    /// </summary>
    /// <exception cref="HoconParseException">The text is malformed or a substitution cannot be resolved.</exception>
    public static Config ParseString(string hocon) => ParseString(hocon, Environment.CurrentDirectory);

    /// <summary>Parses HOCON text whose includes are relative to <paramref name="includeDirectory"/>.</summary>
    public static Config ParseString(string hocon, string includeDirectory) =>
        Parse(hocon, "<string>", filePath: null, includeDirectory, Environment.GetEnvironmentVariable);

    /// <summary>Reads a HOCON file; errors name <paramref name="path"/> as given.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="HoconParseException">The file is malformed or a substitution cannot be resolved.</exception>
    public static Config FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"HOCON file '{path}' not found (full path {Path.GetFullPath(path)}).", path);
        }

        return Parse(File.ReadAllText(path), path, path, Environment.CurrentDirectory, Environment.GetEnvironmentVariable);
    }

    /// <summary>The whole pipeline with an injectable environment, for tests.</summary>
    internal static Config Parse(
        string text,
        string sourceName,
        string? filePath,
        string includeDirectory,
        Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(text);
        var includer = new HoconIncluder(includeDirectory);
        var root = includer.ParseRoot(text, sourceName, filePath);
        HoconSubstitutionResolver.Resolve(root, environment);
        return new Config(root);
    }
}
