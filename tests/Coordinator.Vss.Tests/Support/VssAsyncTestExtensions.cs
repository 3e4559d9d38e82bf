namespace Coordinator.Vss.Tests.Support;

public static class VssAsyncTestExtensions
{
    /// <summary>Waits for the operation and throws its failure as VSS would ("Wait can succeed while the operation failed").</summary>
    public static void WaitAndCheck(this IVssAsync operation, string name, TimeSpan? timeout = null)
    {
        using (operation)
        {
            if (!operation.Wait(timeout ?? TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException($"{name} did not finish in time");
            }
            var status = operation.QueryStatus();
            if (status < 0)
            {
                throw VssException.Create(status, name);
            }
            Assert.Equal(HResults.VSS_S_ASYNC_FINISHED, status);
        }
    }

    /// <summary>Waits and returns QueryStatus.</summary>
    public static int WaitForStatus(this IVssAsync operation, TimeSpan? timeout = null)
    {
        Assert.True(operation.Wait(timeout ?? TimeSpan.FromSeconds(30)), "the operation did not finish in time");
        return operation.QueryStatus();
    }
}
