namespace Coordinator.Kernel.Configuration;

/// <summary>A HOCON list.</summary>
public sealed class HoconArray : HoconValue
{
    private readonly List<HoconValue> _items;

    /// <summary>A list of <paramref name="items"/> defined at <paramref name="position"/>.</summary>
    public HoconArray(IEnumerable<HoconValue> items, HoconPosition position)
        : base(position)
    {
        _items = [.. items];
    }

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Array;

    /// <summary>The elements.</summary>
    public IReadOnlyList<HoconValue> Items => _items;

    /// <inheritdoc />
    public override IReadOnlyList<HoconValue> GetArray() => _items;

    internal List<HoconValue> MutableItems => _items;

    internal override HoconValue Clone() => new HoconArray(_items.Select(i => i.Clone()), Position);
}
