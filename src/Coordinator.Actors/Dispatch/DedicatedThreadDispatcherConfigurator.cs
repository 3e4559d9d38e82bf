using Akka.Configuration;
using Akka.Dispatch;

namespace Coordinator.Actors.Dispatch;

/// <summary>
/// A pinned dispatcher that honours what Akka's built-in <c>PinnedDispatcher</c> type ignores: <c>apartment</c>,
/// <c>thread-name-prefix</c> and <c>stack-size</c>. Each actor gets its own thread for its whole life and the
/// thread exits as soon as the actor has stopped (<see cref="DedicatedThreadDispatcher"/>). Used from HOCON as
/// <code>
/// vss-session-dispatcher {
///   type = "Coordinator.Actors.Dispatch.DedicatedThreadDispatcherConfigurator, Coordinator.Actors"
///   apartment = sta            # sta | mta (default mta); applied on Windows only
///   throughput = 1
///   thread-name-prefix = "vss-session"
///   shutdown-timeout = 0s
///   stack-size = 256 KiB       # 64 KiB to 16 MiB (default 256 KiB)
/// }
/// </code>
/// Keys and defaults: <see cref="DedicatedThreadSettings"/>.
/// </summary>
public sealed class DedicatedThreadDispatcherConfigurator : MessageDispatcherConfigurator
{
    private DedicatedThreadExecutorFactory? _executors;

    public DedicatedThreadDispatcherConfigurator(Config config, IDispatcherPrerequisites prerequisites)
        : base(config, prerequisites)
    {
        // Settings are read on first use, not here: Akka builds configurators by reflection, which would wrap a
        // ConfigurationException thrown here in a TargetInvocationException and hide the message.
    }

    /// <summary>
    /// A new dispatcher on every call: Akka asks once per actor it creates, and a <see cref="DedicatedThreadDispatcher"/>
    /// accepts one actor only. Its executor, and so its thread, is made when the actor's first task arrives.
    /// </summary>
    public override MessageDispatcher Dispatcher()
    {
        var executors = Executors();
        return new DedicatedThreadDispatcher(this, executors.Settings, new DedicatedThreadDispatcher.OneExecutorFactory(executors));
    }

    private DedicatedThreadExecutorFactory Executors()
    {
        if (_executors is { } existing)
        {
            return existing;
        }
        var created = new DedicatedThreadExecutorFactory(DedicatedThreadSettings.FromConfig(Config), Prerequisites.EventStream);
        // One factory per dispatcher id, so thread numbers stay unique when two actors start at once.
        return Interlocked.CompareExchange(ref _executors, created, null) ?? created;
    }
}
