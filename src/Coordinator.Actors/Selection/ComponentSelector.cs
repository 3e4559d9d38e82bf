using Coordinator.Actors.Jobs;
using Coordinator.Vss;

namespace Coordinator.Actors.Selection;

/// <summary>
/// Chooses the components of a backup the way VShadow does (docs/vss-reference.md#component-selection):
/// (1) drop excluded writers (and, when an include list is given, every writer not on it);
/// (2) exclude components with a file on a volume outside the snapshot set;
/// (3) exclude the ancestors of excluded components, since including a parent implicitly includes its children;
/// (4) drop writers left with no includable component, or whose excluded component is top-level and not selectable
///     (the writer cannot be backed up without it);
/// (5) include the top-most includable components;
/// (6) an explicitly included writer that ends up with nothing selected is an error.
/// </summary>
internal static class ComponentSelector
{
    /// <param name="volumeOfPath">Maps a file descriptor path to its volume in normalised form (e.g. "C:\"), or null if unknown.</param>
    public static ComponentSelection Select(
        IReadOnlyList<VssWriterMetadata> writers,
        IReadOnlyCollection<string> volumesInSet,
        WriterFilter filter,
        Func<string, string?>? volumeOfPath = null)
    {
        volumeOfPath ??= DefaultVolumeOfPath;
        CheckFilterNamesKnownWriters(writers, filter);

        var inSet = new HashSet<string>(volumesInSet, StringComparer.OrdinalIgnoreCase);
        var included = new List<SelectedComponent>();
        var disabled = new List<Guid>();
        var outcomes = new List<ComponentOutcome>();

        foreach (var writer in writers)
        {
            var writerExclusion = WriterExclusionReason(writer, filter);
            if (writerExclusion is not null)
            {
                disabled.Add(writer.InstanceId);
                outcomes.AddRange(writer.Components.Select(c => new ComponentOutcome(writer.WriterName, c.FullPath, false, null, writerExclusion)));
                continue;
            }

            var excluded = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var component in writer.Components)
            {
                var outside = component.AllFiles
                    .Select(f => volumeOfPath(f.Path))
                    .FirstOrDefault(v => v is null || !inSet.Contains(v), "");
                if (outside != "")
                {
                    excluded[component.FullPath] = outside is null
                        ? "has a file on an unknown volume"
                        : $"has files on {outside}, which is not in the snapshot set";
                }
            }

            // Step 3: an excluded descendant excludes every ancestor (a parent's inclusion would pull it in).
            foreach (var component in writer.Components)
            {
                if (excluded.ContainsKey(component.FullPath))
                {
                    continue;
                }
                var excludedChild = excluded.Keys.FirstOrDefault(path => IsAncestor(component.FullPath, path));
                if (excludedChild is not null)
                {
                    excluded[component.FullPath] = $"its sub-component {excludedChild} is excluded";
                }
            }

            var blockingTopLevel = writer.Components.FirstOrDefault(c =>
                !c.IsSelectable && string.IsNullOrEmpty(c.LogicalPath) && excluded.ContainsKey(c.FullPath));
            var includable = writer.Components.Where(c => !excluded.ContainsKey(c.FullPath)).ToList();
            if (blockingTopLevel is not null || includable.Count == 0)
            {
                var reason = blockingTopLevel is not null
                    ? $"writer excluded: its required component {blockingTopLevel.FullPath} {excluded[blockingTopLevel.FullPath]}"
                    : "writer excluded: none of its components lies entirely in the snapshot set";
                disabled.Add(writer.InstanceId);
                outcomes.AddRange(writer.Components.Select(c =>
                    new ComponentOutcome(writer.WriterName, c.FullPath, false, null, excluded.GetValueOrDefault(c.FullPath) ?? reason)));
                FailIfExplicitlyIncluded(writer, filter, reason);
                continue;
            }

            foreach (var component in writer.Components)
            {
                if (excluded.TryGetValue(component.FullPath, out var why))
                {
                    outcomes.Add(new ComponentOutcome(writer.WriterName, component.FullPath, false, null, why));
                    continue;
                }
                var includableAncestor = includable.Any(other => !ReferenceEquals(other, component) && IsAncestor(other.FullPath, component.FullPath));
                if (includableAncestor)
                {
                    outcomes.Add(new ComponentOutcome(writer.WriterName, component.FullPath, true, null, "included through its parent"));
                    continue;
                }
                included.Add(new SelectedComponent(writer.WriterName, writer.WriterId, writer.InstanceId, component.Type, component.LogicalPath, component.ComponentName));
                outcomes.Add(new ComponentOutcome(writer.WriterName, component.FullPath, true, null, null));
            }
        }

        return new ComponentSelection(included, disabled, outcomes);
    }

    /// <summary>"C:\Windows\x" → "C:\"; "%SystemRoot%\x" → the expanded path's drive; anything else → null.</summary>
    public static string? DefaultVolumeOfPath(string path)
    {
        var expanded = Environment.ExpandEnvironmentVariables(path);
        if (expanded.StartsWith("%SystemRoot%", StringComparison.OrdinalIgnoreCase) ||
            expanded.StartsWith("%SystemDrive%", StringComparison.OrdinalIgnoreCase))
        {
            // Off Windows these variables are not set; on a Windows host they live on the system drive.
            return "C:\\";
        }
        if (expanded.Length >= 2 && char.IsAsciiLetter(expanded[0]) && expanded[1] == ':')
        {
            return char.ToUpperInvariant(expanded[0]) + ":\\";
        }
        return null;
    }

    private static bool IsAncestor(string ancestorPath, string descendantPath) =>
        descendantPath.Length > ancestorPath.Length &&
        descendantPath.StartsWith(ancestorPath, StringComparison.OrdinalIgnoreCase) &&
        descendantPath[ancestorPath.Length] == '\\';

    private static string? WriterExclusionReason(VssWriterMetadata writer, WriterFilter filter)
    {
        if (filter.Exclude.Any(e => WriterMatcher.Matches(writer, e)))
        {
            return "writer excluded";
        }
        if (filter.Include.Count > 0 && !filter.Include.Any(e => WriterMatcher.Matches(writer, e)))
        {
            return "writer not among the included writers";
        }
        return null;
    }

    private static void FailIfExplicitlyIncluded(VssWriterMetadata writer, WriterFilter filter, string reason)
    {
        if (filter.Include.Any(e => WriterMatcher.Matches(writer, e)))
        {
            throw new JobValidationException(
                $"writer '{writer.WriterName}' is included but nothing of it can be backed up ({reason}): add its volumes or stop including it",
                JobField.IncludeWriters);
        }
    }

    private static void CheckFilterNamesKnownWriters(IReadOnlyList<VssWriterMetadata> writers, WriterFilter filter)
    {
        foreach (var (entry, field) in filter.Include.Select(e => (e, JobField.IncludeWriters)).Concat(filter.Exclude.Select(e => (e, JobField.ExcludeWriters))))
        {
            if (!writers.Any(w => WriterMatcher.Matches(w, entry)))
            {
                var known = string.Join(", ", writers.Select(w => w.WriterName).Distinct().Order());
                var kind = field == JobField.IncludeWriters ? "included" : "excluded";
                throw new JobValidationException($"{kind} writer '{entry}' matches no writer on this host (writers: {known})", field);
            }
        }
    }
}
