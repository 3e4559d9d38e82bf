using Microsoft.Extensions.Configuration;

namespace Coordinator.Kernel.Configuration;

/// <summary>An already parsed <see cref="Config"/> as a configuration source (for tests and code-built config).</summary>
public sealed class HoconConfigSource : IConfigurationSource
{
    public HoconConfigSource(Config config)
    {
        Config = config ?? throw new ArgumentNullException(nameof(config));
    }

    public Config Config { get; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconConfigProvider(Config);
}

/// <summary>Serves the keys of a <see cref="Config"/>; see <see cref="HoconConfigSource"/>.</summary>
public sealed class HoconConfigProvider : ConfigurationProvider
{
    private readonly Config _config;

    public HoconConfigProvider(Config config)
    {
        _config = config;
    }

    public override void Load() => Data = HoconConfigurationFlattener.Flatten(_config);
}
