using Coordinator.Vss.Simulated;
using Coordinator.Vss.Tests.Support;

namespace Coordinator.Vss.Tests.Simulated;

/// <summary>
/// Every documented return code of GatherWriterMetadata and GatherWriterStatus
/// (docs/vss-reference.md#gatherwritermetadata-and-gatherwriterstatus) is reachable in the simulator and asserted.
/// E_INVALIDARG ("ppAsync is NULL") cannot happen through the managed port, whose IVssAsync is a return value: it is
/// reachable only by injecting it as an immediate-return fault, which is how a provider bug or a marshalling failure
/// would show.
/// </summary>
public sealed class GatherMethodReturnCodesTests
{
    public static TheoryData<string> GatherMethods => new() { VssCallNames.GatherWriterMetadata, VssCallNames.GatherWriterStatus };

    public static TheoryData<string, int> InjectedImmediateCodes()
    {
        var data = new TheoryData<string, int>();
        foreach (var method in new[] { VssCallNames.GatherWriterMetadata, VssCallNames.GatherWriterStatus })
        {
            foreach (var code in new[] { HResults.E_ACCESSDENIED, HResults.E_INVALIDARG, HResults.E_OUTOFMEMORY, HResults.VSS_E_UNEXPECTED, HResults.E_UNEXPECTED, HResults.VSS_E_WRITER_INFRASTRUCTURE })
            {
                data.Add(method, code);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(GatherMethods))]
    public void S_OK_returns_an_IVssAsync_whose_QueryStatus_is_VSS_S_ASYNC_FINISHED(string method)
    {
        var host = Sim.Host();
        using var vss = Sim.Initialized(host);
        if (method == VssCallNames.GatherWriterStatus)
        {
            Sim.GatherMetadata(vss);
        }

        using var operation = Start(vss, method);

        Assert.True(operation.Wait(TimeSpan.Zero));
        Assert.Equal(HResults.VSS_S_ASYNC_FINISHED, operation.QueryStatus());
        FreeAll(vss);
    }

    [Theory]
    [MemberData(nameof(InjectedImmediateCodes))]
    public void Injected_immediate_failure_is_thrown_with_its_code(string method, int code)
    {
        var host = Sim.Host();
        using var vss = Sim.Initialized(host);
        if (method == VssCallNames.GatherWriterStatus)
        {
            Sim.GatherMetadata(vss);
        }
        host.Faults.Add(new CallFault(method, code, where: FaultSite.Call));

        var error = Sim.Throws(() => Start(vss, method));

        Sim.AssertCode(code, error);
        Assert.Equal(method, error.Operation);
        // The type the coordinator catches: VssAccessDeniedException for E_ACCESSDENIED, the base type for most others.
        Assert.IsType(VssException.Create(code, method).GetType(), error);
    }

    [Theory]
    [MemberData(nameof(GatherMethods))]
    public void VSS_E_WRITER_INFRASTRUCTURE_by_default_comes_from_QueryStatus(string method)
    {
        var host = Sim.Host();
        using var vss = Sim.Initialized(host);
        if (method == VssCallNames.GatherWriterStatus)
        {
            Sim.GatherMetadata(vss);
        }
        host.Faults.Add(new CallFault(method, HResults.VSS_E_WRITER_INFRASTRUCTURE));

        using var operation = Start(vss, method);

        Assert.True(operation.Wait(TimeSpan.Zero), "Wait succeeds although the operation failed: always QueryStatus");
        Assert.Equal(HResults.VSS_E_WRITER_INFRASTRUCTURE, operation.QueryStatus());
        // A failed gather leaves nothing to read or free.
        var error = Sim.Throws(() => method == VssCallNames.GatherWriterMetadata ? vss.WriterMetadata : vss.WriterStatus);
        Sim.AssertCode(HResults.VSS_E_BAD_STATE, error);
    }

    [Theory]
    [MemberData(nameof(GatherMethods))]
    public void VSS_E_BAD_STATE_before_InitializeForBackup(string method)
    {
        var host = Sim.Host();
        using var vss = host.CreateFactory().CreateVssBackupComponents();

        var error = Sim.Throws(() => Start(vss, method));

        Assert.IsType<VssBadStateException>(error);
        Sim.AssertCode(HResults.VSS_E_BAD_STATE, error);
    }

    [Fact]
    public void VSS_E_BAD_STATE_for_a_second_GatherWriterMetadata_even_after_the_first_failed()
    {
        var host = Sim.Host();
        host.Faults.Add(new CallFault(VssCallNames.GatherWriterMetadata, HResults.VSS_E_WRITER_INFRASTRUCTURE));
        using var vss = Sim.Initialized(host);
        Assert.Equal(HResults.VSS_E_WRITER_INFRASTRUCTURE, vss.GatherWriterMetadata().WaitForStatus());

        var error = Sim.Throws(() => vss.GatherWriterMetadata());

        Sim.AssertCode(HResults.VSS_E_BAD_STATE, error);
    }

    [Fact]
    public void VSS_E_BAD_STATE_for_GatherWriterStatus_out_of_sequence_before_the_writers_are_identified()
    {
        var host = Sim.Host();
        using var vss = Sim.Initialized(host);

        var error = Sim.Throws(() => vss.GatherWriterStatus());

        Sim.AssertCode(HResults.VSS_E_BAD_STATE, error);
    }

    [Fact]
    public void VSS_E_UNEXPECTED_and_E_UNEXPECTED_are_one_class_never_retried()
    {
        // Both mean the same (E_UNEXPECTED is the pre-Windows 7 form), so the coordinator must treat them alike.
        var current = VssException.Create(HResults.VSS_E_UNEXPECTED, VssCallNames.GatherWriterStatus);
        var legacy = VssException.Create(HResults.E_UNEXPECTED, VssCallNames.GatherWriterStatus);

        Assert.Equal(VssErrorClass.NeverRetry, current.ErrorClass);
        Assert.Equal(VssErrorClass.NeverRetry, legacy.ErrorClass);
    }

    private static IVssAsync Start(IVssBackupComponents vss, string method) =>
        method == VssCallNames.GatherWriterMetadata ? vss.GatherWriterMetadata() : vss.GatherWriterStatus();

    private static void FreeAll(IVssBackupComponents vss)
    {
        vss.FreeWriterMetadata();
        vss.FreeWriterStatus();
    }
}
