using Coordinator.Vss;

namespace Coordinator.Actors.Tests.Support;

/// <summary>
/// Wraps a provider and records, per components object, every call in order with its thread, and whether two of
/// GatherWriterMetadata / BackupComplete / GatherWriterStatus were ever in flight at once (invariant 2).
/// </summary>
public sealed class RecordingVssFactory(IVssFactory inner) : IVssFactory
{
    private readonly List<RecordingComponents> _objects = [];
    private readonly List<string> _violations = [];

    public string ProviderName => inner.ProviderName;

    public IReadOnlyList<RecordingComponents> Objects
    {
        get
        {
            lock (_objects)
            {
                return _objects.ToList();
            }
        }
    }

    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_violations)
            {
                return _violations.ToList();
            }
        }
    }

    public IVssBackupComponents CreateVssBackupComponents()
    {
        var components = new RecordingComponents(inner.CreateVssBackupComponents(), this);
        lock (_objects)
        {
            _objects.Add(components);
        }
        return components;
    }

    internal void Violation(string text)
    {
        lock (_violations)
        {
            _violations.Add(text);
        }
    }
}
