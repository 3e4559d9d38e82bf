using System.Globalization;
using System.Text;

namespace Coordinator.Core;

/// <summary>
/// Text from users, writers or programs made safe to print on a terminal: control characters (ESC, BEL, backspace,
/// carriage return, C1 controls) and the bidirectional overrides are shown as <c>\x1B</c> or <c>\u202E</c> instead of
/// acting on the terminal, so a volume named "\u001b[31m" cannot recolour, move the cursor or hide text. Only the
/// human output needs this; JSON output escapes the same characters by itself.
/// </summary>
public static class TerminalText
{
    public static string Escape(string text)
    {
        var index = 0;
        while (index < text.Length && !NeedsEscape(text[index]))
        {
            index++;
        }
        if (index == text.Length)
        {
            return text;
        }
        var result = new StringBuilder(text.Length + 8).Append(text, 0, index);
        for (; index < text.Length; index++)
        {
            var c = text[index];
            if (!NeedsEscape(c))
            {
                result.Append(c);
            }
            else if (c <= '\u00ff')
            {
                result.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                result.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }
        return result.ToString();
    }

    /// <summary>For Spectre.Console markup: escaped for the terminal, then for markup (brackets).</summary>
    public static string Markup(string text) => Spectre.Console.Markup.Escape(Escape(text));

    /// <summary>
    /// Every C0 control but the line break and tab (a multi-line value keeps its lines), DEL, the C1 controls (which some
    /// terminals obey like ESC sequences), the line and paragraph separators and the bidirectional controls (which
    /// reorder what is shown).
    /// </summary>
    private static bool NeedsEscape(char c) =>
        c is (< ' ' and not '\n' and not '\t') or (>= '\u007f' and <= '\u009f')
            or '\u2028' or '\u2029' or (>= '\u200e' and <= '\u200f') or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');
}
