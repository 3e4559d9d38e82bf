using Coordinator.Vss;

namespace Coordinator.Providers;

/// <summary>Waits for an IVssAsync with a deadline and turns its final status into success or a VssException.</summary>
internal static class VssAsyncWait
{
    public static void Complete(IVssAsync operation, string name, TimeSpan timeout)
    {
        using (operation)
        {
            if (!operation.Wait(timeout))
            {
                operation.Cancel();
                throw new TimeoutException($"{name} did not finish within {timeout}");
            }
            // Wait succeeding says nothing about the outcome (VSS_REFERENCE.md): the status does.
            var status = operation.QueryStatus();
            if (status != HResults.VSS_S_ASYNC_FINISHED && status != HResults.S_OK)
            {
                throw VssException.Create(status, name);
            }
        }
    }
}
