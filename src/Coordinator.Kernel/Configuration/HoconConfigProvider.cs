using Microsoft.Extensions.Configuration;

namespace Coordinator.Kernel.Configuration;

/// <summary>An already parsed <see cref="Config"/> as a configuration source (for tests and code-built config).</summary>
public sealed class HoconConfigSource : IConfigurationSource
{
    /// <summary>A source serving <paramref name="config"/>.</summary>
    public HoconConfigSource(Config config)
    {
        Config = config ?? throw new ArgumentNullException(nameof(config));
    }

    /// <summary>The served config.</summary>
    public Config Config { get; }

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconConfigProvider(Config);
}

/// <summary>Serves the keys of a <see cref="Config"/>; see <see cref="HoconConfigSource"/>.</summary>
public sealed class HoconConfigProvider : ConfigurationProvider
{
    private readonly Config _config;

    /// <summary>A provider serving <paramref name="config"/>.</summary>
    public HoconConfigProvider(Config config)
    {
        _config = config;
    }

    /// <inheritdoc />
    public override void Load() => Data = HoconConfigurationFlattener.Flatten(_config);
}
