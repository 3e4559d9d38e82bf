namespace Coordinator.Vss.Simulated;

/// <summary>
/// A malformed scenario: says where (<see cref="JsonPath"/>, e.g. <c>$.faults[1].hresult</c>), what was expected, and what
/// was found, e.g. <c>$.faults[1].hresult: expected an HRESULT name like VSS_E_BAD_STATE or hex like 0x80042301, found "VSS_E_NOPE"</c>.
/// </summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(string? source, string jsonPath, string expected, string? found, Exception? innerException = null)
        : base(Format(source, jsonPath, expected, found), innerException)
    {
        Source = source;
        JsonPath = jsonPath;
        Expected = expected;
        Found = found;
    }

    /// <summary>The scenario file, when the scenario came from one.</summary>
    public new string? Source { get; }

    public string JsonPath { get; }

    public string Expected { get; }

    /// <summary>The offending JSON text, or null when the value is missing.</summary>
    public string? Found { get; }

    private static string Format(string? source, string jsonPath, string expected, string? found) =>
        $"{(source is null ? "scenario" : $"scenario '{source}'")}: {jsonPath}: expected {expected}, {(found is null ? "found nothing" : "found " + found)}";
}
