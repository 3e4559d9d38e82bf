namespace Coordinator.Vss.Simulated;

/// <summary>
/// A scenario's persistentStateFile cannot hold the host's state: not a regular file, or its directory cannot be
/// written. Found when the host is made, before any job, with the path and what to do.
/// </summary>
public sealed class PersistentStateFileException(string path, string problem, Exception? innerException = null)
    : IOException($"persistentStateFile '{path}' cannot be used: {problem}", innerException)
{
    public string Path { get; } = path;
}
