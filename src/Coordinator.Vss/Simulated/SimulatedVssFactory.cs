namespace Coordinator.Vss.Simulated;

/// <summary>The "simulated" provider: components objects on a <see cref="SimulatedVssHost"/>.</summary>
public sealed class SimulatedVssFactory(SimulatedVssHost host) : IVssFactory
{
    public const string Name = "simulated";

    public SimulatedVssHost Host { get; } = host ?? throw new ArgumentNullException(nameof(host));

    public string ProviderName => Name;

    /// <summary>
    /// Creates a components object bound to the calling thread. Faults on <see cref="VssCallNames.CreateVssBackupComponents"/>
    /// model E_ACCESSDENIED (no backup privileges) and E_NOTIMPL (VSS absent).
    /// </summary>
    public IVssBackupComponents CreateVssBackupComponents() => Create(null);

    /// <summary>As <see cref="CreateVssBackupComponents()"/>, counted also for <paramref name="requester"/> when the host tracks it (<see cref="SimulatedVssHost.TrackRequester"/>).</summary>
    public IVssBackupComponents CreateVssBackupComponents(string requester) => Create(requester);

    private SimulatedBackupComponents Create(string? requester)
    {
        const string call = VssCallNames.CreateVssBackupComponents;
        Host.Counters.CountCall(call);
        if (Host.Faults.TakeCallFault(call, _ => false) is { } fault)
        {
            throw VssException.Create(fault.HResult, call, detail: "injected fault");
        }
        return new SimulatedBackupComponents(Host, requester);
    }
}
