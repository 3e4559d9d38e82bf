using System.Text.Json;
using System.Text.Json.Serialization;

namespace Coordinator.Output;

/// <summary>The one JSON shape used everywhere (CLI --json, journal, HTTP API): camelCase, enums as strings.</summary>
public static class JsonDefaults
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        // Relaxed escaping: "COM+ REGDB Writer" stays readable; the documents are never embedded in HTML.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
