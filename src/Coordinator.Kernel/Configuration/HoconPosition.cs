namespace Coordinator.Kernel.Configuration;

/// <summary>A place in a HOCON source: the file (or "&lt;string&gt;"), 1-based line and column.</summary>
public readonly record struct HoconPosition(string Source, int Line, int Column)
{
    /// <summary>Used for values built in code rather than parsed.</summary>
    public static HoconPosition None { get; } = new("<code>", 0, 0);

    /// <summary>Formats as <c>file:line:column</c>, the form editors and compilers use.</summary>
    public override string ToString() => $"{Source}:{Line}:{Column}";
}
