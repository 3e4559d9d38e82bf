using Coordinator.Providers;
using Coordinator.Vss;
using Coordinator.Vss.Simulated;

namespace Coordinator.Tests.Support;

/// <summary>The simulated provider over a host, remembering the name of each thread that created a components object.</summary>
public sealed class ThreadRecordingProviderSource(SimulatedVssHost host) : IVssProviderSource
{
    private readonly List<string?> _threads = [];

    public IReadOnlyList<string?> CreatingThreads
    {
        get
        {
            lock (_threads)
            {
                return _threads.ToList();
            }
        }
    }

    public ProviderHandle Open(ProviderRequest request)
    {
        var inner = SimulatedHostProviderSource.Handle(host);
        return new ProviderHandle
        {
            Name = inner.Name,
            Description = inner.Description,
            Accounting = inner.Accounting,
            BeginAccounting = inner.BeginAccounting,
            Factory = new Factory(inner.Factory, this),
        };
    }

    private sealed class Factory(IVssFactory inner, ThreadRecordingProviderSource owner) : IVssFactory
    {
        public string ProviderName => inner.ProviderName;

        public IVssBackupComponents CreateVssBackupComponents()
        {
            Record();
            return inner.CreateVssBackupComponents();
        }

        public IVssBackupComponents CreateVssBackupComponents(string requester)
        {
            Record();
            return inner.CreateVssBackupComponents(requester);
        }

        private void Record()
        {
            lock (owner._threads)
            {
                owner._threads.Add(Thread.CurrentThread.Name);
            }
        }
    }
}
