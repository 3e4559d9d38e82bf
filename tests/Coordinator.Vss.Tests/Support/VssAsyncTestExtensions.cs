namespace Coordinator.Vss.Tests.Support;

public static class VssAsyncTestExtensions
{
    /// <summary>Waits for the operation and throws its failure as VSS would ("Wait can succeed while the operation failed").</summary>
    public static void WaitAndCheck(this IVssAsync operation, string name, TimeSpan? timeout = null)
    {
        using (operation)
        {
            Assert.Equal(HResults.VSS_S_ASYNC_FINISHED, operation.WaitForSuccess(name, timeout ?? TimeSpan.FromSeconds(30)));
        }
    }

    /// <summary>Waits and returns QueryStatus.</summary>
    public static int WaitForStatus(this IVssAsync operation, TimeSpan? timeout = null)
    {
        Assert.True(operation.Wait(timeout ?? TimeSpan.FromSeconds(30)), "the operation did not finish in time");
        return operation.QueryStatus();
    }
}
