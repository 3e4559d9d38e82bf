using Coordinator.Vss.Simulated;
using Coordinator.Vss.Tests.Contract;

namespace Coordinator.Vss.Tests.Simulated;

/// <summary>The provider contract, run against the simulator with its default host (C:\ and D:\, the default writers).</summary>
public sealed class SimulatedVssBackupComponentsContractTests : VssBackupComponentsContract
{
    protected override IVssFactory CreateFactory() => new SimulatedVssHost().CreateFactory();
}

/// <summary>The simulator keeps persistent snapshots like Windows Server.</summary>
public sealed class SimulatedPersistentSnapshotContractTests : PersistentSnapshotContract
{
    protected override IVssFactory CreateFactory() => new SimulatedVssHost().CreateFactory();
}

/// <summary>The simulator enforces COM thread affinity on every object.</summary>
public sealed class SimulatedThreadAffinityContractTests : ThreadAffinityContract
{
    protected override IVssFactory CreateFactory() => new SimulatedVssHost().CreateFactory();
}
