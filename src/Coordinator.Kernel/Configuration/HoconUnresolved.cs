namespace Coordinator.Kernel.Configuration;

/// <summary>
/// Base of the nodes that exist only between parsing and resolving. They never reach a <see cref="Config"/>,
/// so asking their type is a bug in the reader.
/// </summary>
internal abstract class HoconUnresolved : HoconValue
{
    protected HoconUnresolved(HoconPosition position)
        : base(position)
    {
    }

    public override HoconValueType Type =>
        throw new InvalidOperationException($"{Position}: value read before substitutions were resolved.");

    internal override bool IsResolved => false;
}

/// <summary><c>${path}</c> or <c>${?path}</c>.</summary>
internal sealed class HoconSubstitution : HoconUnresolved
{
    public HoconSubstitution(IReadOnlyList<string> path, string text, bool optional, HoconPosition position)
        : base(position)
    {
        Path = path;
        Text = text;
        Optional = optional;
    }

    /// <summary>Absolute path in the document (prefixed when the substitution came from a nested include).</summary>
    public IReadOnlyList<string> Path { get; }

    /// <summary>The path as written; also the environment variable name looked up as a fallback.</summary>
    public string Text { get; }

    public bool Optional { get; }

    /// <summary>
    /// Set for a self-reference with nothing below it (<c>PATH = ${PATH}":/x"</c> as the first definition):
    /// only the environment can satisfy it.
    /// </summary>
    public bool EnvironmentOnly { get; init; }

    internal override HoconValue Clone() => this;
}

/// <summary>Adjacent values on one line: <c>foo bar</c>, <c>${a} "x"</c>, <c>${base} { y = 2 }</c>, <c>[1] [2]</c>.</summary>
internal sealed class HoconConcatenation : HoconUnresolved
{
    public HoconConcatenation(IReadOnlyList<HoconValue> pieces, IReadOnlyList<string> whitespace, HoconPosition position)
        : base(position)
    {
        Pieces = pieces;
        Whitespace = whitespace;
    }

    public IReadOnlyList<HoconValue> Pieces { get; }

    /// <summary>The whitespace written before each piece (empty for the first); kept in string results.</summary>
    public IReadOnlyList<string> Whitespace { get; }

    internal override HoconValue Clone() =>
        new HoconConcatenation([.. Pieces.Select(p => p.Clone())], Whitespace, Position);
}

/// <summary>
/// An object defined over a value that is not known until resolution (<c>a = ${b}</c> then <c>a { x = 1 }</c>):
/// later layers win, objects merge.
/// </summary>
internal sealed class HoconMerge : HoconUnresolved
{
    public HoconMerge(IReadOnlyList<HoconValue> layers, HoconPosition position)
        : base(position)
    {
        Layers = layers;
    }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<HoconValue> Layers { get; }

    internal override HoconValue Clone() => new HoconMerge([.. Layers.Select(l => l.Clone())], Position);
}
