using Microsoft.Extensions.Configuration;

namespace Coordinator.Kernel.Configuration;

/// <summary>A HOCON file as a Microsoft.Extensions.Configuration source.</summary>
public sealed class HoconConfigurationSource : FileConfigurationSource
{
    /// <inheritdoc />
    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        EnsureDefaults(builder);
        return new HoconConfigurationProvider(this);
    }
}
