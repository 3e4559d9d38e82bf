namespace Coordinator.Vss;

/// <summary>One entry of the HRESULT catalogue: documented name, value, meaning and retry class.</summary>
public sealed record VssError(string Name, int Value, string Meaning, VssErrorClass Class);
