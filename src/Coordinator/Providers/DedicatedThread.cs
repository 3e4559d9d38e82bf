namespace Coordinator.Providers;

/// <summary>
/// Runs a piece of work on a new thread of its own. A VSS components object must be created, used and released on
/// one thread (COM apartment rules; the simulator fails other threads with RPC_E_WRONG_THREAD), so every direct use
/// of the provider outside the actors (writers, snapshots, recovery) goes through here.
/// </summary>
public static class DedicatedThread
{
    public static Task<T> Run<T>(string name, Func<T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                completion.SetResult(work());
            }
            catch (Exception ex)
            {
                completion.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        if (OperatingSystem.IsWindows())
        {
            // VSS requesters run in an STA, as the design asks (docs/vss-reference.md#com-threading-and-apartments).
            thread.SetApartmentState(ApartmentState.STA);
        }
        thread.Start();
        return completion.Task;
    }
}
