using System.Text;

namespace Coordinator.Kernel.Configuration;

/// <summary>Renders a resolved tree as HOCON text, for diagnostics (<c>Config.ToString()</c>).</summary>
internal static class HoconRenderer
{
    public static string Render(HoconValue value)
    {
        var builder = new StringBuilder();
        Write(builder, value, 0);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, HoconValue value, int indent)
    {
        switch (value)
        {
            case HoconObject obj:
                builder.Append("{\n");
                foreach (var (key, child) in obj.Items)
                {
                    builder.Append(' ', (indent + 1) * 2).Append(Quote(key)).Append(" : ");
                    Write(builder, child, indent + 1);
                    builder.Append('\n');
                }

                builder.Append(' ', indent * 2).Append('}');
                break;
            case HoconArray array:
                builder.Append('[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    Write(builder, array.Items[i], indent + 1);
                }

                builder.Append(']');
                break;
            case HoconLiteral { Type: HoconValueType.String } literal:
                builder.Append(Quote(literal.Value!));
                break;
            case HoconLiteral literal:
                builder.Append(literal.Value ?? "null");
                break;
            default:
                builder.Append("<unresolved>");
                break;
        }
    }

    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
