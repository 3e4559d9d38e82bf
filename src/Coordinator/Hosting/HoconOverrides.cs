using System.Text;
using System.Text.Json;
using Akka.Configuration;
using Microsoft.Extensions.Configuration;

namespace Coordinator.Hosting;

/// <summary>
/// Turns the overrides of appsettings.json, environment variables and the command line into HOCON that goes in front
/// of the file. Keys are normalised to HOCON's kebab case (<c>MaxConcurrentJobs</c>, <c>max_concurrent_jobs</c> and
/// <c>max-concurrent-jobs</c> are one key), so every spelling overrides the file's key instead of becoming a second one
/// (two spellings of one key pushed into HOCON separately would concatenate their values). Later sources win.
/// Only the <c>coordinator</c> and <c>akka</c> sections are taken; array values are not (no key needs one yet).
/// </summary>
internal static class HoconOverrides
{
    private static readonly string[] Sections = ["coordinator", "akka"];

    public static Config From(IConfigurationRoot configuration)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var provider in configuration.Providers)
        {
            foreach (var key in Keys(provider, null))
            {
                if (provider.TryGet(key, out var value) && value is not null)
                {
                    var path = key.Split(':').Select(Kebab).ToArray();
                    if (Sections.Contains(path[0]) && path.Length > 1 && !path.Any(s => s.Length > 0 && char.IsAsciiDigit(s[0])))
                    {
                        values[string.Join('.', path)] = value;
                    }
                }
            }
        }
        if (values.Count == 0)
        {
            return Config.Empty;
        }
        var hocon = new StringBuilder();
        foreach (var (path, value) in values)
        {
            hocon.Append(string.Join('.', path.Split('.').Select(s => JsonSerializer.Serialize(s))))
                .Append(" = ")
                .AppendLine(JsonSerializer.Serialize(value));
        }
        return ConfigurationFactory.ParseString(hocon.ToString());
    }

    /// <summary>"MaxConcurrentJobs", "max_concurrent_jobs", "max-concurrent-jobs" → "max-concurrent-jobs".</summary>
    internal static string Kebab(string segment)
    {
        var result = new StringBuilder(segment.Length + 4);
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (char.IsAsciiLetterUpper(c) && i > 0 && (char.IsAsciiLetterLower(segment[i - 1]) || char.IsAsciiDigit(segment[i - 1])))
            {
                result.Append('-');
            }
            result.Append(c == '_' ? '-' : char.ToLowerInvariant(c));
        }
        return result.ToString();
    }

    private static IEnumerable<string> Keys(IConfigurationProvider provider, string? parent)
    {
        foreach (var child in provider.GetChildKeys([], parent).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var key = parent is null ? child : $"{parent}:{child}";
            yield return key;
            foreach (var nested in Keys(provider, key))
            {
                yield return nested;
            }
        }
    }
}
