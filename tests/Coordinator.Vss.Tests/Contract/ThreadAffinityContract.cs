using Coordinator.Vss.Tests.Support;

namespace Coordinator.Vss.Tests.Contract;

/// <summary>A call from another thread fails with RPC_E_WRONG_THREAD: an STA object behind a proxy on Windows; always in the simulator.</summary>
public abstract class ThreadAffinityContract : ContractFixture
{
    [Fact]
    public void A_call_from_another_thread_is_RPC_E_WRONG_THREAD()
    {
        using var vss = CreateFactory().CreateVssBackupComponents();

        var error = ThreadRunner.Catch(() => vss.InitializeForBackup());

        var vssError = Assert.IsAssignableFrom<VssException>(error);
        Assert.Equal(HResults.RPC_E_WRONG_THREAD, vssError.HResult);
        vss.InitializeForBackup();
    }
}
