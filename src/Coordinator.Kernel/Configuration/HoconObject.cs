namespace Coordinator.Kernel.Configuration;

/// <summary>A HOCON object: ordered fields, keys as written (without quotes).</summary>
public sealed class HoconObject : HoconValue
{
    private readonly OrderedDictionary<string, HoconValue> _fields = new(StringComparer.Ordinal);

    /// <summary>An empty object defined at <paramref name="position"/>.</summary>
    public HoconObject(HoconPosition position)
        : base(position)
    {
    }

    /// <inheritdoc />
    public override HoconValueType Type => HoconValueType.Object;

    /// <summary>The fields in the order they were first defined.</summary>
    public IReadOnlyDictionary<string, HoconValue> Items => _fields;

    /// <summary>The number of fields.</summary>
    public int Count => _fields.Count;

    /// <summary>The field names, in definition order.</summary>
    public IEnumerable<string> Keys => _fields.Keys;

    /// <summary>The field named <paramref name="key"/> (one key, not a dotted path).</summary>
    public bool TryGetValue(string key, out HoconValue value) => _fields.TryGetValue(key, out value!);

    /// <inheritdoc />
    public override HoconObject GetObject() => this;

    internal void Set(string key, HoconValue value) => _fields[key] = value;

    internal void Remove(string key) => _fields.Remove(key);

    internal override HoconValue Clone()
    {
        var copy = new HoconObject(Position);
        foreach (var (key, value) in _fields)
        {
            copy.Set(key, value.Clone());
        }

        return copy;
    }

    /// <summary>
    /// A new object with the fields of both; where both have a field, <paramref name="overriding"/> wins,
    /// except that two objects merge recursively. Neither input is changed.
    /// </summary>
    internal static HoconObject Merge(HoconObject fallback, HoconObject overriding)
    {
        var result = new HoconObject(overriding.Position);
        foreach (var (key, value) in fallback._fields)
        {
            result.Set(key, value);
        }

        foreach (var (key, value) in overriding._fields)
        {
            if (value is HoconObject newer && result.TryGetValue(key, out var older) && older is HoconObject olderObject)
            {
                result.Set(key, Merge(olderObject, newer));
            }
            else
            {
                result.Set(key, value);
            }
        }

        return result;
    }
}
