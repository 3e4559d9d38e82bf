using Coordinator.Actors.Jobs;
using Coordinator.Actors.Session;
using Coordinator.Kernel.Actor;
using Coordinator.Vss;

namespace Coordinator.Actors.VolumeSet;

public sealed partial class VolumeSetActor
{
    /// <summary>Cancels the job at whatever phase it is in, with the same cleanup as any other ending.</summary>
    public sealed record CancelJob
    {
        public static CancelJob Instance { get; } = new();
    }

    private sealed record StartAttempt
    {
        public static StartAttempt Instance { get; } = new();
    }

    private sealed record DeadlineReached
    {
        public static DeadlineReached Instance { get; } = new();
    }

    private sealed record SessionGone(IActorRef Session);

    private sealed record ActionFinished(int Attempt, Exception? Failure);

    /// <summary>The sessions of one attempt, one per snapshot set, with a token that cancels just this attempt.</summary>
    private sealed class AttemptGroup(int attempt, CancellationTokenSource cancellation)
    {
        public int Attempt { get; } = attempt;

        public CancellationTokenSource Cancellation { get; } = cancellation;

        public Dictionary<IActorRef, SessionSlot> Sessions { get; } = [];

        public Exception? Failure { get; set; }
    }

    private sealed class SessionSlot(int index)
    {
        public int Index { get; } = index;

        public Guid? SnapshotSetId { get; set; }

        public IReadOnlyList<VolumeSnapshot>? Mapping { get; set; }

        public bool Ended { get; set; }

        public SessionOutcome? Outcome { get; set; }
    }
}

/// <summary>A session died without reporting: a bug in the coordinator, never retried.</summary>
public sealed class SessionCrashedException(string message) : Exception(message);

/// <summary>Everything a job needs; <see cref="Reply"/> receives the result exactly once.</summary>
public sealed record VolumeSetSpec(
    BackupJob Job,
    IVssFactory Factory,
    CoordinatorSettings Settings,
    ISnapshotJournal Journal,
    IActorRef Gate,
    TimeProvider Time,
    TaskCompletionSource<BackupResult> Reply,
    Action<JobProgress>? OnProgress,
    Func<double>? Random = null);
