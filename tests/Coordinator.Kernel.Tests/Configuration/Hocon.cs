using Coordinator.Kernel.Configuration;

namespace Coordinator.Kernel.Tests.Configuration;

/// <summary>Parses test documents with a fixed source name and a controlled environment.</summary>
internal static class Hocon
{
    public const string Source = "test.conf";

    public static Config Parse(string text, IReadOnlyDictionary<string, string>? environment = null, string? includeDirectory = null) =>
        ConfigurationFactory.Parse(
            text,
            Source,
            filePath: null,
            includeDirectory ?? Path.GetTempPath(),
            name => environment is not null && environment.TryGetValue(name, out var value) ? value : null);

    public static HoconParseException Fails(string text, IReadOnlyDictionary<string, string>? environment = null) =>
        Assert.Throws<HoconParseException>(() => Parse(text, environment));
}
