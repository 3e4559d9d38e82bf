namespace Coordinator.Vss;

/// <summary>
/// The HRESULT catalogue: every code of MinGW's vsserror.h plus the COM/RPC codes a requester meets,
/// with name, value, meaning and retry class.
/// </summary>
public static partial class VssErrorCatalog
{
    private static readonly Dictionary<int, VssError> s_byValue = BuildTable().ToDictionary(e => e.Value);
    private static readonly Dictionary<string, VssError> s_byName =
        s_byValue.Values.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every entry of the catalogue.</summary>
    public static IReadOnlyCollection<VssError> All => s_byValue.Values;

    public static VssError? Find(int hresult) => s_byValue.GetValueOrDefault(hresult);

    public static VssError? Find(string name) => s_byName.GetValueOrDefault(name);

    public static string NameOf(int hresult) => Find(hresult)?.Name ?? ToHex(hresult);

    /// <summary>Unknown failure codes are never retried: retrying what we do not understand hides bugs.</summary>
    public static VssErrorClass ClassOf(int hresult) =>
        Find(hresult)?.Class ?? (hresult >= 0 ? VssErrorClass.Success : VssErrorClass.NeverRetry);

    public static string ToHex(int hresult) => "0x" + ((uint)hresult).ToString("X8");

    /// <summary>Parses a code given by name (VSS_E_BAD_STATE) or as hex (0x80042301).</summary>
    public static bool TryParse(string text, out int hresult)
    {
        hresult = 0;
        var trimmed = text.Trim();
        if (trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            if (uint.TryParse(trimmed.AsSpan(2), System.Globalization.NumberStyles.HexNumber, null, out var value))
            {
                hresult = unchecked((int)value);
                return true;
            }
            return false;
        }
        var entry = Find(trimmed);
        if (entry is null)
        {
            return false;
        }
        hresult = entry.Value;
        return true;
    }
}
