using Akka.Actor;
using Coordinator.Actors.Jobs;
using Coordinator.Vss;

namespace Coordinator.Actors;

/// <summary>What every job and session actor of one host needs: the provider, the settings, the journal, the host's snapshot gate and the clock.</summary>
public sealed record JobServices(IVssFactory Factory, CoordinatorSettings Settings, ISnapshotJournal Journal, IActorRef Gate, TimeProvider Time);
