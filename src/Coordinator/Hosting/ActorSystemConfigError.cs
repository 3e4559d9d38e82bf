using System.Text.RegularExpressions;
using Akka.Configuration;
using Akka.Configuration.Hocon;

namespace Coordinator.Hosting;

/// <summary>
/// What creating the actor system threw when a setting of the akka section is wrong, made into a message that names
/// the setting: Akka reads those settings itself, and its errors quote the value but not the key.
/// </summary>
internal static class ActorSystemConfigError
{
    /// <summary>
    /// Akka's format errors quote the value but not the key ("The input string 'abc' was not in a correct format"): the
    /// akka keys that hold that value, so the message names the setting to fix.
    /// </summary>
    public static string KeysHolding(Config config, string message)
    {
        var match = Regex.Match(message, "'([^']*)'");
        if (!match.Success)
        {
            return "";
        }
        var keys = new List<string>();
        FindKeys(config.GetValue("akka"), "akka", match.Groups[1].Value, keys);
        return keys.Count == 0 ? "" : $" (set in {string.Join(", ", keys.Take(3))})";
    }

    private static void FindKeys(HoconValue? value, string path, string wanted, List<string> keys)
    {
        if (value is null)
        {
            return;
        }
        if (value.IsObject())
        {
            foreach (var (key, child) in value.GetObject().Items)
            {
                FindKeys(child, $"{path}.{key}", wanted, keys);
            }
        }
        else if (value.IsString() && value.GetString() == wanted)
        {
            keys.Add(path);
        }
    }

    /// <summary>The configuration error under what creating the actor system threw (Akka's own reads of the akka section), if it is one.</summary>
    public static Exception? Find(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is ConfigurationException or FormatException or OverflowException or ArgumentException)
            {
                return e;
            }
        }
        return null;
    }
}
