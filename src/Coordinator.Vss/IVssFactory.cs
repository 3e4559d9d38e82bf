namespace Coordinator.Vss;

/// <summary>
/// Creates VSS backup components objects. Shaped like AlphaVSS's <c>IVssFactory</c> so an
/// AlphaVSS adapter stays possible.
/// </summary>
public interface IVssFactory
{
    /// <summary>A short name for logs and results: "windows", "simulated", ...</summary>
    string ProviderName { get; }

    /// <summary>
    /// Creates a new components object (COM: <c>CreateVssBackupComponentsInternal</c>). The object is
    /// bound to the calling thread: every later call on it, and on the <see cref="IVssAsync"/> objects it
    /// returns, must come from this thread (COM apartment rules; the simulator enforces this with
    /// RPC_E_WRONG_THREAD).
    /// </summary>
    /// <exception cref="VssException">Creation failed (E_ACCESSDENIED without backup privileges, E_NOTIMPL where VSS is absent).</exception>
    IVssBackupComponents CreateVssBackupComponents();

    /// <summary>
    /// Creates a components object on behalf of <paramref name="requester"/> (the job it is for). VSS has no such notion;
    /// a provider may use it to account per job (the simulator does), the others ignore it.
    /// </summary>
    IVssBackupComponents CreateVssBackupComponents(string requester) => CreateVssBackupComponents();
}
