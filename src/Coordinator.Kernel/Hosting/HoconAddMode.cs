namespace Coordinator.Kernel.Hosting;

/// <summary>How <see cref="AkkaConfigurationBuilder.AddHocon"/> combines new HOCON with what was added before.</summary>
public enum HoconAddMode
{
    /// <summary>The new config wins; the existing config becomes its fallback.</summary>
    Prepend,

    /// <summary>The existing config wins; the new config only fills in missing keys.</summary>
    Append,

    /// <summary>The new config replaces everything added before.</summary>
    Replace,
}
