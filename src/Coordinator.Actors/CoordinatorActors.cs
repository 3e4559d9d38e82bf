using Akka.Actor;
using Coordinator.Actors.Gate;
using Coordinator.Actors.Job;
using Coordinator.Actors.Jobs;
using Coordinator.Vss;

namespace Coordinator.Actors;

/// <summary>
/// Starts the host's long-lived actors: the <see cref="SnapshotGate"/> and the <see cref="JobSupervisor"/> (the job
/// actors' parent). A host registers both refs under those types; <see cref="ActorBackupCoordinator"/> runs jobs
/// through the supervisor.
/// </summary>
public static class CoordinatorActors
{
    public const string GateName = "snapshot-gate";

    public const string JobsName = "jobs";

    public static IActorRef StartGate(IActorRefFactory system, CoordinatorSettings settings) =>
        system.ActorOf(SnapshotGate.Props(settings), GateName);

    public static IActorRef StartJobs(
        IActorRefFactory system,
        IActorRef gate,
        IVssFactory factory,
        CoordinatorSettings settings,
        ISnapshotJournal? journal = null,
        TimeProvider? time = null,
        string name = JobsName) =>
        system.ActorOf(JobSupervisor.Props(new JobServices(factory, settings, journal ?? NullSnapshotJournal.Instance, gate, time ?? TimeProvider.System)), name);
}
