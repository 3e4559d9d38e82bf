using Coordinator.Vss;

namespace Coordinator.Actors.Selection;

/// <summary>Matches a writer against a user's filter entry: its name (case-insensitive), class id or instance id.</summary>
public static class WriterMatcher
{
    public static bool Matches(VssWriterMetadata writer, string entry)
    {
        var trimmed = entry.Trim();
        if (Guid.TryParse(trimmed.Trim('{', '}'), out var id))
        {
            return writer.WriterId == id || writer.InstanceId == id;
        }
        return string.Equals(writer.WriterName, trimmed, StringComparison.OrdinalIgnoreCase);
    }
}
