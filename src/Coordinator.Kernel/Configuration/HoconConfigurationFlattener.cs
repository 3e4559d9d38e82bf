using System.Globalization;

namespace Coordinator.Kernel.Configuration;

/// <summary>
/// Turns a HOCON tree into Microsoft.Extensions.Configuration keys: <c>a.b.c</c> becomes <c>a:b:c</c> and list
/// elements become <c>a:b:0</c>. Values are kept as written (<c>30s</c> stays <c>30s</c>).
/// </summary>
internal static class HoconConfigurationFlattener
{
    public static Dictionary<string, string?> Flatten(Config config)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in config.Root.Items)
        {
            Visit(data, key, value);
        }

        return data;
    }

    private static void Visit(Dictionary<string, string?> data, string key, HoconValue value)
    {
        switch (value)
        {
            case HoconObject obj:
                foreach (var (childKey, child) in obj.Items)
                {
                    Visit(data, key + ":" + childKey, child);
                }

                break;
            case HoconArray array:
                for (var i = 0; i < array.Items.Count; i++)
                {
                    Visit(data, key + ":" + i.ToString(CultureInfo.InvariantCulture), array.Items[i]);
                }

                break;
            default:
                data[key] = value.GetString();
                break;
        }
    }
}
