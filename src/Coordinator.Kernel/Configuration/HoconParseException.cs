namespace Coordinator.Kernel.Configuration;

/// <summary>
/// A HOCON document could not be read: a syntax error, a missing required include, an unresolved
/// required substitution or a substitution cycle. The message starts with <c>file:line:column</c>.
/// </summary>
public sealed class HoconParseException : Exception
{
    /// <summary>Creates the exception; the message becomes <c>position: message</c>.</summary>
    public HoconParseException(HoconPosition position, string message)
        : base($"{position}: {message}")
    {
        Position = position;
        Reason = message;
    }

    /// <summary>Where the problem was found.</summary>
    public HoconPosition Position { get; }

    /// <summary>The message without the position prefix.</summary>
    public string Reason { get; }
}
