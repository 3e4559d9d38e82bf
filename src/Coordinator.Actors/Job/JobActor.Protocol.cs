using System.Threading.Channels;
using Akka.Actor;
using Coordinator.Actors.Jobs;
using Coordinator.Actors.Session;
using Coordinator.Vss;

namespace Coordinator.Actors.Job;

/// <summary>
/// Everything a job needs; <see cref="Reply"/> receives the result exactly once. Progress goes into
/// <see cref="Progress"/> without blocking; whoever reads it (console, journal) does so off the actor.
/// </summary>
internal sealed record JobArgs(
    JobServices Services,
    BackupJob Job,
    TaskCompletionSource<BackupResult> Reply,
    ChannelWriter<JobProgress>? Progress);

internal sealed partial class JobActor
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

        /// <summary>The VSS operation the first failing session was in.</summary>
        public string? FailedIn { get; set; }

        public bool ActionRunning { get; set; }
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
internal sealed class SessionCrashedException(string message) : Exception(message);
