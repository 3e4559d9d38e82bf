using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

namespace Coordinator.Kernel.Configuration;

/// <summary>Adds HOCON files to an <see cref="IConfigurationBuilder"/>.</summary>
public static class HoconConfigurationExtensions
{
    /// <summary>
    /// Adds a HOCON file: <c>a.b.c</c> becomes key <c>a:b:c</c>, list elements <c>a:b:0</c>. Bind options with
    /// <see cref="HoconBindingExtensions.ConfigureHocon{TOptions}"/> so that <c>min-backoff = 2s</c> binds to a
    /// <c>TimeSpan MinBackoff</c>.
    /// </summary>
    public static IConfigurationBuilder AddHoconFile(
        this IConfigurationBuilder builder,
        string path,
        bool optional = false,
        bool reloadOnChange = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.AddHoconFile(source =>
        {
            source.Path = path;
            source.Optional = optional;
            source.ReloadOnChange = reloadOnChange;
            source.ResolveFileProvider();
        });
    }

    /// <summary>Adds a HOCON file read through <paramref name="provider"/>.</summary>
    public static IConfigurationBuilder AddHoconFile(
        this IConfigurationBuilder builder,
        IFileProvider? provider,
        string path,
        bool optional,
        bool reloadOnChange)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.AddHoconFile(source =>
        {
            source.FileProvider = provider;
            source.Path = path;
            source.Optional = optional;
            source.ReloadOnChange = reloadOnChange;
            source.ResolveFileProvider();
        });
    }

    /// <summary>Adds a HOCON file source configured by <paramref name="configure"/>.</summary>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, Action<HoconConfigurationSource> configure) =>
        builder.Add(configure);

    /// <summary>Adds an already parsed <see cref="Config"/>.</summary>
    public static IConfigurationBuilder AddHocon(this IConfigurationBuilder builder, Config config) =>
        builder.Add(new HoconConfigSource(config));
}
