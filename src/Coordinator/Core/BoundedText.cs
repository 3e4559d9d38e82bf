namespace Coordinator.Core;

/// <summary>
/// Shortens user input before it is echoed in an error: a message must stay one readable line whatever was sent
/// (a 10 MB "timeout" must not come back twice in a 20 MB response), and control characters are shown escaped.
/// </summary>
public static class BoundedText
{
    /// <summary>How many characters of an echoed value are kept.</summary>
    public const int MaxEchoed = 64;

    /// <summary>The longest message an error carries; longer ones are cut (a last guard behind <see cref="Quote"/>).</summary>
    public const int MaxMessage = 1024;

    /// <summary>The value in single quotes, at most <see cref="MaxEchoed"/> characters, control characters escaped.</summary>
    public static string Quote(string? value) => $"'{Shorten(value, MaxEchoed)}'";

    /// <summary>
    /// At most <paramref name="max"/> characters of the value (then "…"), with control characters shown escaped as the
    /// terminal shows them (<see cref="TerminalText.Escape"/>: "\x1B"), so an echoed value can neither flood nor drive it.
    /// </summary>
    public static string Shorten(string? value, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        return value.Length <= max ? TerminalText.Escape(value) : TerminalText.Escape(value[..max]) + "…";
    }

    /// <summary>A whole message cut to <see cref="MaxMessage"/> characters.</summary>
    public static string Message(string message) => message.Length <= MaxMessage ? message : message[..MaxMessage] + "…";
}
