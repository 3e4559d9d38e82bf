using Coordinator.Providers;
using Coordinator.Vss;
using Coordinator.Vss.Simulated;

namespace Coordinator.Tests.Providers;

public sealed class WriterInventoryTests
{
    private static ProviderHandle Provider(SimulatedVssHost host) =>
        new() { Name = "simulated", Factory = host.CreateFactory(), Description = "simulated VSS provider" };

    [Fact]
    public async Task Inventory_lists_every_writer_and_frees_what_it_gathered()
    {
        var host = new SimulatedVssHost();

        var writers = await WriterInventory.GatherAsync(Provider(host), TimeSpan.FromSeconds(30));

        Assert.Equal(host.Writers.Count, writers.Count);
        Assert.Equal(0, host.Accounting.Leaks);
        Assert.Equal(0, host.Accounting.WrongThreadCalls);
    }

    [Theory]
    [InlineData(VssCallNames.GatherWriterMetadata)]
    [InlineData(VssCallNames.GatherWriterStatus)]
    public async Task Inventory_frees_what_it_gathered_when_the_gather_fails(string call)
    {
        var host = new SimulatedVssHost();
        host.Faults.Add(new CallFault(call, HResults.VSS_E_WRITER_INFRASTRUCTURE, times: 1, where: FaultSite.Async));

        var error = await Assert.ThrowsAsync<VssWriterInfrastructureException>(() => WriterInventory.GatherAsync(Provider(host), TimeSpan.FromSeconds(30)));

        Assert.Equal(call, error.Operation);
        // The gather returned (its IVssAsync failed later): design invariant 4 pairs it with its free all the same.
        var free = call == VssCallNames.GatherWriterMetadata ? VssCallNames.FreeWriterMetadata : VssCallNames.FreeWriterStatus;
        Assert.Equal(1, host.Accounting.CallsOf(free));
        Assert.Equal(0, host.Accounting.Leaks);
    }
}
