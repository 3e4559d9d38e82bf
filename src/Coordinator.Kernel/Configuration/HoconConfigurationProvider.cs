using Microsoft.Extensions.Configuration;

namespace Coordinator.Kernel.Configuration;

/// <summary>
/// Loads a HOCON file (with its includes and substitutions resolved) into configuration keys, see
/// <see cref="HoconConfigurationFlattener"/>. Only the file itself is watched for reload, not its includes.
/// </summary>
public sealed class HoconConfigurationProvider : FileConfigurationProvider
{
    /// <summary>Creates the provider for <paramref name="source"/>.</summary>
    public HoconConfigurationProvider(HoconConfigurationSource source)
        : base(source)
    {
    }

    /// <summary>The parsed file, as a <see cref="Config"/>; empty before the first load.</summary>
    public Config Config { get; private set; } = Config.Empty;

    /// <summary>Parses the file and replaces the keys; errors carry <c>file:line:column</c>.</summary>
    public override void Load(Stream stream)
    {
        // Includes are relative to the file, so the parser needs its physical path, not only the stream.
        var physicalPath = Source.Path is null ? null : Source.FileProvider?.GetFileInfo(Source.Path).PhysicalPath;
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var config = ConfigurationFactory.Parse(
            text,
            physicalPath ?? Source.Path ?? "<stream>",
            physicalPath,
            physicalPath is null ? Environment.CurrentDirectory : Path.GetDirectoryName(physicalPath)!,
            Environment.GetEnvironmentVariable);
        Config = config;
        Data = HoconConfigurationFlattener.Flatten(config);
    }
}
