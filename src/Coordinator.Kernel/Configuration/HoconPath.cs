using System.Text;

namespace Coordinator.Kernel.Configuration;

/// <summary>Splits a path expression (<c>akka.actor."my.key".x</c>) into keys.</summary>
internal static class HoconPath
{
    /// <summary>Parses <paramref name="path"/>; on failure returns null and says why in <paramref name="error"/>.</summary>
    public static List<string>? TryParse(string path, out string error)
    {
        var keys = new List<string>();
        var current = new StringBuilder();
        var hasQuoted = false;
        var i = 0;
        while (i < path.Length)
        {
            var c = path[i];
            if (c == '"')
            {
                var end = path.IndexOf('"', i + 1);
                if (end < 0)
                {
                    error = $"unterminated quote in path \"{path}\"";
                    return null;
                }

                current.Append(path, i + 1, end - i - 1);
                hasQuoted = true;
                i = end + 1;
            }
            else if (c == '.')
            {
                if (!EndKey(keys, current, ref hasQuoted))
                {
                    error = $"empty key in path \"{path}\"; quote keys that contain '.'";
                    return null;
                }

                i++;
            }
            else
            {
                current.Append(c);
                i++;
            }
        }

        if (!EndKey(keys, current, ref hasQuoted))
        {
            error = $"empty key in path \"{path}\"";
            return null;
        }

        error = string.Empty;
        return keys;
    }

    /// <summary>Parses a path given through the API; a bad path is the caller's bug.</summary>
    public static List<string> Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return TryParse(path, out var error) ?? throw new ArgumentException(error, nameof(path));
    }

    /// <summary>Renders keys back to a path, quoting keys that need it.</summary>
    public static string Render(IEnumerable<string> keys) =>
        string.Join('.', keys.Select(k => NeedsQuotes(k) ? $"\"{k}\"" : k));

    private static bool NeedsQuotes(string key) =>
        key.Length == 0 || key.Any(c => c == '.' || c == '"' || char.IsWhiteSpace(c));

    private static bool EndKey(List<string> keys, StringBuilder current, ref bool hasQuoted)
    {
        var key = hasQuoted ? current.ToString() : current.ToString().Trim();
        if (key.Length == 0 && !hasQuoted)
        {
            return false;
        }

        keys.Add(key);
        current.Clear();
        hasQuoted = false;
        return true;
    }
}
