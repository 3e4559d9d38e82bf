namespace Coordinator.Kernel.Configuration;

/// <summary>
/// A config value exists but cannot be read as the requested type (Akka's
/// <c>Akka.Configuration.ConfigurationException</c>).
/// </summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
