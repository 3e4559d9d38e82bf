using Coordinator.Vss.Simulated;
using Coordinator.Vss.Tests.Contract;

namespace Coordinator.Vss.Tests.Simulated;

/// <summary>The provider contract, run against the simulator with its default host (C:\ and D:\, the default writers).</summary>
public sealed class SimulatedVssBackupComponentsContractTests : FullVssBackupComponentsContract
{
    protected override IVssFactory CreateFactory() => new SimulatedVssHost().CreateFactory();
}
