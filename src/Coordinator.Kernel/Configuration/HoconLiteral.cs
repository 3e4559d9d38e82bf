namespace Coordinator.Kernel.Configuration;

/// <summary>A string, number, boolean or null. Its text is kept as written; conversions happen on read.</summary>
public sealed class HoconLiteral : HoconValue
{
    /// <summary>A literal of <paramref name="type"/>; <paramref name="value"/> is null only for <see cref="HoconValueType.Null"/>.</summary>
    public HoconLiteral(string? value, HoconValueType type, HoconPosition position)
        : base(position)
    {
        if (type is HoconValueType.Object or HoconValueType.Array)
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "A literal cannot be an object or an array.");
        }

        Value = type == HoconValueType.Null ? null : value ?? throw new ArgumentNullException(nameof(value));
        Type = type;
    }

    /// <summary>The text; null only for a HOCON null.</summary>
    public string? Value { get; }

    /// <inheritdoc />
    public override HoconValueType Type { get; }

    /// <inheritdoc />
    public override string? GetString() => Value;

    internal override HoconValue Clone() => this;

    /// <summary>Classifies unquoted text as HOCON does: true/false, null, number, else string.</summary>
    internal static HoconLiteral FromUnquoted(string text, HoconPosition position)
    {
        if (text is "true" or "false")
        {
            return new HoconLiteral(text, HoconValueType.Boolean, position);
        }

        if (text == "null")
        {
            return new HoconLiteral(null, HoconValueType.Null, position);
        }

        return new HoconLiteral(text, IsNumber(text) ? HoconValueType.Number : HoconValueType.String, position);
    }

    private static bool IsNumber(string text)
    {
        // JSON number grammar: -?digits(.digits)?([eE][+-]?digits)?; '+' cannot occur unquoted.
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (!SkipDigits(text, ref i))
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (!SkipDigits(text, ref i))
            {
                return false;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && text[i] == '-')
            {
                i++;
            }

            if (!SkipDigits(text, ref i))
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static bool SkipDigits(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i > start;
    }
}
