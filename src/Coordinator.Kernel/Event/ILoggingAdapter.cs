namespace Coordinator.Kernel.Event;

/// <summary>Logs to the <see cref="EventStream"/>. Templates take positional (<c>{0}</c>) or named (<c>{Name}</c>) holes.</summary>
public interface ILoggingAdapter
{
    /// <summary>True if events of <paramref name="level"/> are published.</summary>
    bool IsEnabled(LogLevel level);

    /// <summary>Publishes a Debug event.</summary>
    void Debug(string format, params object?[] args);

    /// <summary>Publishes an Info event.</summary>
    void Info(string format, params object?[] args);

    /// <summary>Publishes a Warning event.</summary>
    void Warning(string format, params object?[] args);

    /// <summary>Publishes an Error event.</summary>
    void Error(string format, params object?[] args);

    /// <summary>Publishes an Error event with its exception.</summary>
    void Error(Exception cause, string format, params object?[] args);
}
