namespace Coordinator.Hosting;

/// <summary>
/// The executable's own settings, from the "coordinator" section (config/akka.hocon, appsettings.json,
/// environment variables like coordinator__journal, then the command line, later sources winning).
/// </summary>
public sealed class CoordinatorOptions
{
    public const string Section = "coordinator";

    /// <summary>auto | simulated | windows.</summary>
    public string Provider { get; set; } = "auto";

    /// <summary>The simulator's scenario file (JSON), simulated provider only.</summary>
    public string? Scenario { get; set; }

    /// <summary>The SQLite journal; default: coordinator-journal.db next to the config file.</summary>
    public string? Journal { get; set; }

    public ServerOptions Server { get; set; } = new();
}

public sealed class ServerOptions
{
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Jobs run at once; the rest wait in the queue. The SnapshotGate still admits one snapshot-set creation at a time.</summary>
    public int MaxConcurrentJobs { get; set; } = 4;

    /// <summary>How long shutdown waits for cancelled jobs to clean up (AbortBackup, release, delete snapshots).</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(90);

    public string? TokenFile { get; set; }
}
