namespace Coordinator.Actors.Jobs;

/// <summary>A progress event of a job: the phase it entered, with the volume, writer and attempt involved.</summary>
public sealed record JobProgress(
    string JobId,
    string Phase,
    int Attempt,
    string Message,
    DateTimeOffset At,
    string? Volume = null,
    string? Writer = null);
