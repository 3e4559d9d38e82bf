namespace Coordinator.Kernel.Configuration;

/// <summary>
/// A node of a HOCON tree. Values reachable from a <see cref="Config"/> are always resolved:
/// <see cref="HoconObject"/>, <see cref="HoconArray"/> or <see cref="HoconLiteral"/>.
/// </summary>
public abstract class HoconValue
{
    private protected HoconValue(HoconPosition position)
    {
        Position = position;
    }

    /// <summary>Where the value was written.</summary>
    public HoconPosition Position { get; }

    /// <summary>The kind of value.</summary>
    public abstract HoconValueType Type { get; }

    /// <summary>True for objects.</summary>
    public bool IsObject => Type == HoconValueType.Object;

    /// <summary>True for lists.</summary>
    public bool IsArray => Type == HoconValueType.Array;

    /// <summary>True for strings, numbers and booleans (anything with a text form but null).</summary>
    public bool IsString => Type is HoconValueType.String or HoconValueType.Number or HoconValueType.Boolean;

    /// <summary>The text of a literal; null for a HOCON null.</summary>
    public virtual string? GetString() =>
        throw new ConfigurationException($"{Position}: expected a string, found {Describe()}");

    /// <summary>This value as an object.</summary>
    public virtual HoconObject GetObject() =>
        throw new ConfigurationException($"{Position}: expected an object, found {Describe()}");

    /// <summary>The elements of an array.</summary>
    public virtual IReadOnlyList<HoconValue> GetArray() =>
        throw new ConfigurationException($"{Position}: expected a list, found {Describe()}");

    /// <summary>Substitutions, concatenations and pending merges exist only between parsing and resolving.</summary>
    internal virtual bool IsResolved => true;

    /// <summary>A deep copy, so a self-reference snapshot is not changed by later merges.</summary>
    internal abstract HoconValue Clone();

    internal string Describe() => Type switch
    {
        HoconValueType.Object => "an object",
        HoconValueType.Array => "a list",
        HoconValueType.Null => "null",
        _ => $"'{GetString()}'",
    };

    /// <summary>Renders the value as HOCON.</summary>
    public override string ToString() => HoconRenderer.Render(this);
}
