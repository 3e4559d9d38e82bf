namespace Coordinator.Actors.Jobs;

/// <summary>Normalises volume names to the form AddToSnapshotSet wants: upper-case, with a trailing backslash.</summary>
public static class VolumeNames
{
    /// <summary>"c:" → "C:\", "d:\" → "D:\", "\\?\Volume{…}" → "\\?\Volume{…}\"; mount-point paths keep their case.</summary>
    public static string Normalize(string volume)
    {
        var trimmed = volume.Trim();
        if (trimmed.Length == 0)
        {
            throw new JobValidationException("a volume name is empty: give a drive letter like C:\\ or a volume GUID path", JobField.Volumes);
        }
        if (trimmed.Length <= 3 && char.IsAsciiLetter(trimmed[0]) && trimmed.Length >= 2 && trimmed[1] == ':')
        {
            if (trimmed.Length == 3 && trimmed[2] != '\\' && trimmed[2] != '/')
            {
                throw new JobValidationException($"'{volume}' is not a volume: expected a drive letter like C:\\", JobField.Volumes);
            }
            return char.ToUpperInvariant(trimmed[0]) + ":\\";
        }
        var withSlashes = trimmed.Replace('/', '\\');
        return withSlashes.EndsWith('\\') ? withSlashes : withSlashes + "\\";
    }

    /// <summary>Normalises every volume and rejects duplicates, naming both spellings.</summary>
    public static IReadOnlyList<string> NormalizeSet(IReadOnlyList<string> volumes)
    {
        if (volumes.Count == 0)
        {
            throw new JobValidationException("no volume given: name at least one volume, e.g. C:\\", JobField.Volumes);
        }
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>(volumes.Count);
        foreach (var volume in volumes)
        {
            var normalized = Normalize(volume);
            if (seen.TryGetValue(normalized, out var first))
            {
                throw new JobValidationException($"volume '{volume}' is given twice (also as '{first}'): list each volume once", JobField.Volumes);
            }
            seen.Add(normalized, volume);
            result.Add(normalized);
        }
        return result;
    }
}
