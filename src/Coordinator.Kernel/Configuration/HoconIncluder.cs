namespace Coordinator.Kernel.Configuration;

/// <summary>
/// Reads the files named by <c>include</c>, relative to the including file (or to the base directory for
/// text parsed from a string), and refuses include cycles.
/// </summary>
internal sealed class HoconIncluder
{
    private static readonly string[] _implicitExtensions = [".conf", ".hocon"];

    private readonly string _baseDirectory;
    private readonly List<string> _openFiles = [];

    public HoconIncluder(string baseDirectory)
    {
        _baseDirectory = baseDirectory;
    }

    /// <summary>Parses a top-level document; <paramref name="filePath"/> is null for text from a string.</summary>
    public HoconObject ParseRoot(string text, string sourceName, string? filePath)
    {
        if (filePath is not null)
        {
            _openFiles.Add(Path.GetFullPath(filePath));
        }

        return HoconParser.Parse(text, sourceName, filePath, this, [], []);
    }

    /// <summary>
    /// Parses an included file into an object, or returns null when an optional include is missing.
    /// Substitutions in it are relative to the include point, as the HOCON spec requires.
    /// </summary>
    public HoconObject? Include(
        string name,
        bool required,
        string includingSource,
        string? includingFile,
        HoconPosition position,
        IReadOnlyList<string> prefix,
        IReadOnlyList<HoconParseFrame> frames)
    {
        var directory = includingFile is null ? _baseDirectory : Path.GetDirectoryName(Path.GetFullPath(includingFile))!;
        var fullPath = Path.GetFullPath(name, directory);
        var candidates = Path.HasExtension(name)
            ? [fullPath]
            : new[] { fullPath }.Concat(_implicitExtensions.Select(e => fullPath + e)).ToArray();
        var found = candidates.FirstOrDefault(File.Exists);
        if (found is null)
        {
            if (!required)
            {
                return null;
            }

            throw new HoconParseException(
                position,
                $"required include \"{name}\" not found (looked for {string.Join(", ", candidates)}); create the file or drop required(...)");
        }

        if (_openFiles.Contains(found))
        {
            var chain = string.Join(" -> ", _openFiles.Append(found).Select(Path.GetFileName));
            throw new HoconParseException(position, $"include cycle: {chain}; remove one of the includes");
        }

        var sourceName = Path.IsPathRooted(name) || includingFile is null
            ? name
            : Path.Combine(Path.GetDirectoryName(includingSource) ?? string.Empty, name);
        if (!Path.HasExtension(name) && found != fullPath)
        {
            sourceName += Path.GetExtension(found);
        }

        _openFiles.Add(found);
        try
        {
            return HoconParser.Parse(File.ReadAllText(found), sourceName, found, this, prefix, frames);
        }
        finally
        {
            _openFiles.RemoveAt(_openFiles.Count - 1);
        }
    }
}
