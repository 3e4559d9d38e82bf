using System.Collections.Concurrent;
using Coordinator.Kernel.Actor;
using Coordinator.Kernel.Configuration;

namespace Coordinator.Kernel.Dispatch;

/// <summary>
/// Finds dispatchers by configuration id. A <c>Dispatcher</c> or <c>CallingThreadDispatcher</c> id yields one
/// shared instance; a <c>PinnedDispatcher</c> id yields a new instance (one thread) per lookup, i.e. per actor.
/// </summary>
public sealed class Dispatchers
{
    /// <summary>Id of the default dispatcher.</summary>
    public const string DefaultDispatcherId = "akka.actor.default-dispatcher";

    private const string ActorSection = "akka.actor.";

    private readonly Config _config;
    private readonly ConcurrentDictionary<string, DispatcherSettings> _settings = new();
    private readonly ConcurrentDictionary<string, MessageDispatcher> _shared = new();

    internal Dispatchers(Config config)
    {
        _config = config;
        DefaultGlobalDispatcher = Lookup(DefaultDispatcherId);
    }

    /// <summary>The default dispatcher (thread pool).</summary>
    public MessageDispatcher DefaultGlobalDispatcher { get; }

    /// <summary>True if <paramref name="id"/> names a dispatcher in the configuration.</summary>
    public bool HasDispatcher(string id) => ResolvePath(id) is not null;

    /// <summary>
    /// The dispatcher for <paramref name="id"/>: a full path such as <c>akka.actor.vss-session-dispatcher</c>,
    /// or a short id looked up under <c>akka.actor</c>.
    /// </summary>
    /// <exception cref="ConfigurationException">No such dispatcher is configured.</exception>
    public MessageDispatcher Lookup(string id)
    {
        var settings = GetSettings(id);
        if (settings.Type == DispatcherSettings.PinnedDispatcherType)
        {
            // Not tracked: a pinned dispatcher belongs to one actor and shuts its thread down when that
            // actor is detached, so keeping a list would only leak one entry per session.
            return new PinnedDispatcher(settings.Id, settings.Throughput, settings.ThreadNamePrefix, settings.Apartment, settings.ShutdownTimeout, settings.StackSize);
        }

        return _shared.GetOrAdd(
            settings.Id,
            static (_, s) => new Dispatcher(s.Id, s.Throughput, CreateExecutorFactory(s)),
            settings);
    }

    internal DispatcherSettings GetSettings(string id) =>
        _settings.GetOrAdd(id, static (key, self) =>
        {
            var path = self.ResolvePath(key) ?? throw new ConfigurationException($"Dispatcher [{key}] not configured.");
            return DispatcherSettings.FromConfig(path, self._config.GetConfig(path));
        }, this);

    internal void ShutdownAll()
    {
        foreach (var dispatcher in _shared.Values)
        {
            dispatcher.Shutdown();
        }
    }

    private string? ResolvePath(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        if (_config.HasPath(id) && _config.GetValue(id) is HoconObject)
        {
            return id;
        }

        var full = ActorSection + id;
        return !id.StartsWith(ActorSection, StringComparison.Ordinal) && _config.HasPath(full) && _config.GetValue(full) is HoconObject
            ? full
            : null;
    }

    private static ExecutorServiceFactory CreateExecutorFactory(DispatcherSettings settings)
    {
        if (settings.Type == DispatcherSettings.CallingThreadDispatcherType)
        {
            return new CallingThreadExecutorServiceFactory();
        }

        switch (settings.Executor)
        {
            case null or "" or "default-executor" or "thread-pool-executor":
                return new ThreadPoolExecutorServiceFactory();
            default:
                // As in Akka, any other value is the type name of a factory (used by tests for manual executors).
                var type = Type.GetType(settings.Executor, throwOnError: false)
                    ?? throw new ConfigurationException($"Dispatcher [{settings.Id}]: executor type [{settings.Executor}] not found.");
                if (!typeof(ExecutorServiceFactory).IsAssignableFrom(type))
                {
                    throw new ConfigurationException($"Dispatcher [{settings.Id}]: [{settings.Executor}] is not an ExecutorServiceFactory.");
                }

                return (ExecutorServiceFactory)Activator.CreateInstance(type)!;
        }
    }
}
