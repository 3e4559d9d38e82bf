using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Coordinator.Kernel.Configuration;

/// <summary>
/// Binding HOCON-style configuration to options classes: kebab-case keys (<c>min-backoff</c>) bind to PascalCase
/// properties (<c>MinBackoff</c>) and durations (<c>2s</c>) bind to <see cref="TimeSpan"/>. Use these instead of
/// <c>Bind</c>/<c>Get</c>/<c>Configure</c>; they work on any configuration, HOCON or not.
/// </summary>
public static class HoconBindingExtensions
{
    /// <summary>Binds <paramref name="configuration"/> onto <paramref name="instance"/>.</summary>
    public static void BindHocon(this IConfiguration configuration, object instance)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(instance);
        new HoconBindingSection(configuration, instance.GetType()).Bind(instance);
    }

    /// <summary>A new <typeparamref name="T"/> bound from <paramref name="configuration"/>.</summary>
    public static T GetHocon<T>(this IConfiguration configuration)
        where T : new()
    {
        var instance = new T();
        configuration.BindHocon(instance);
        return instance;
    }

    /// <summary>
    /// Registers <typeparamref name="TOptions"/> bound from <paramref name="section"/> (the HOCON counterpart of
    /// <c>services.Configure&lt;TOptions&gt;(section)</c>), reloading with the configuration.
    /// </summary>
    public static IServiceCollection ConfigureHocon<TOptions>(this IServiceCollection services, IConfiguration section)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<TOptions>().BindHocon(section);
        return services;
    }

    /// <summary>Binds the options from <paramref name="section"/> (the HOCON counterpart of <c>Bind(section)</c>).</summary>
    public static OptionsBuilder<TOptions> BindHocon<TOptions>(this OptionsBuilder<TOptions> builder, IConfiguration section)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(
            new ConfigurationChangeTokenSource<TOptions>(builder.Name, section));
        builder.Configure(options => section.BindHocon(options));
        return builder;
    }
}
