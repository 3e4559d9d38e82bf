using System.Text.RegularExpressions;

namespace Coordinator.Vss.Tests.Windows;

/// <summary>
/// The MinGW-w64 COM headers (Debian package mingw-w64-common) and the vtable slots their C
/// <c>...Vtbl</c> structs declare: one function pointer per slot, in declaration order.
/// </summary>
public static partial class MingwHeaders
{
    public const string Directory = "/usr/share/mingw-w64/include";

    private static readonly string[] s_required = ["vsbackup.h", "vss.h", "vswriter.h", "unknwn.h"];

    public static bool Present => s_required.All(h => File.Exists(Path.Combine(Directory, h)));

    public static string PresentReason =>
        $"MinGW-w64 headers not found in {Directory} (need {string.Join(", ", s_required)}): install the Debian package mingw-w64-common.";

    /// <summary>Method name → slot for <paramref name="interfaceName"/>'s Vtbl struct in <paramref name="header"/>.</summary>
    public static IReadOnlyDictionary<string, int> Slots(string header, string interfaceName)
    {
        var text = File.ReadAllText(Path.Combine(Directory, header));
        var start = text.IndexOf($"typedef struct {interfaceName}Vtbl {{", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"{header} has no 'typedef struct {interfaceName}Vtbl'.");
        }
        var end = text.IndexOf($"}} {interfaceName}Vtbl;", start, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new InvalidOperationException($"{header}: the {interfaceName}Vtbl struct does not end where expected.");
        }
        var body = text[start..end];
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match match in MethodPointer().Matches(body))
        {
            // Overloads would share a name; the VSS interfaces have none, so a duplicate is a parse error.
            slots.Add(match.Groups[1].Value, slots.Count);
        }
        return slots;
    }

    [GeneratedRegex(@"\(\s*STDMETHODCALLTYPE\s*\*\s*(\w+)\s*\)")]
    private static partial Regex MethodPointer();
}
