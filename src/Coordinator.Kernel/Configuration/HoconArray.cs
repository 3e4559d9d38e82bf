namespace Coordinator.Kernel.Configuration;

/// <summary>A HOCON list.</summary>
public sealed class HoconArray : HoconValue
{
    private readonly List<HoconValue> _items;

    public HoconArray(IEnumerable<HoconValue> items, HoconPosition position)
        : base(position)
    {
        _items = [.. items];
    }

    public override HoconValueType Type => HoconValueType.Array;

    public IReadOnlyList<HoconValue> Items => _items;

    public override IReadOnlyList<HoconValue> GetArray() => _items;

    internal List<HoconValue> MutableItems => _items;

    internal override HoconValue Clone() => new HoconArray(_items.Select(i => i.Clone()), Position);
}
