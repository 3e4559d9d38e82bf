using System.Text.RegularExpressions;
using Coordinator.Kernel.Actor.Internal;
using Coordinator.Kernel.Configuration;
using Coordinator.Kernel.Dispatch;
using Coordinator.Kernel.Dispatch.SysMsg;
using Coordinator.Kernel.Event;

namespace Coordinator.Kernel.Actor;

/// <summary>
/// A hierarchy of actors with its configuration, dispatchers, event stream and scheduler.
/// <see cref="Terminate"/> stops it top-down: children finish PostStop before their parents, and
/// <see cref="WhenTerminated"/> completes last.
/// </summary>
public sealed partial class ActorSystem : IActorRefFactory, IDisposable
{
    /// <summary>Built-in defaults; any given config falls back to them.</summary>
    public const string DefaultConfig = """
        akka {
          loglevel = INFO
          actor {
            ask-timeout = 30s
            default-dispatcher {
              type = Dispatcher
              throughput = 30
            }
            pinned-dispatcher {
              type = PinnedDispatcher
              throughput = 30
              thread-name-prefix = "pinned"
              shutdown-timeout = 1s
            }
            # Runs an actor on the thread that sends to it (Akka.NET has it in Akka.TestKit as
            # akka.test.calling-thread-dispatcher). For small actors that never block.
            calling-thread-dispatcher {
              type = CallingThreadDispatcher
              throughput = 30
            }
          }
        }
        """;

    private static readonly Regex s_validName = new("^[a-zA-Z0-9][a-zA-Z0-9_-]*$", RegexOptions.Compiled);
    private static long s_tempCounter;

    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorCell _userGuardian;
    private readonly ActorCell _systemGuardian;
    private readonly ActorPath _tempPath;
    private readonly LogLevel? _logLevel;
    private int _terminating;

    private ActorSystem(string name, Config config, TimeProvider timeProvider)
    {
        Name = name;
        Config = config;
        TimeProvider = timeProvider;
        Scheduler = new TimeProviderScheduler(timeProvider);
        EventStream = new EventStream();
        _logLevel = Logging.LogLevelFor(config.GetString("akka.loglevel", "INFO"));
        AskTimeout = config.GetTimeSpan("akka.actor.ask-timeout", TimeSpan.FromSeconds(30));

        var root = ActorPath.Root(name);
        _tempPath = root / "temp";
        DeadLetters = new DeadLetterActorRef(this, root / "deadLetters");
        Dispatchers = new Dispatchers(config);

        var rootGuardian = new RootGuardianRef(this, root);
        var guardianProps = Props.Create(static () => new GuardianActor());
        _userGuardian = new ActorCell(this, rootGuardian, (root / "user").WithUid(ActorCell.NewUid()), guardianProps, Dispatchers.DefaultGlobalDispatcher);
        _systemGuardian = new ActorCell(this, rootGuardian, (root / "system").WithUid(ActorCell.NewUid()), guardianProps, Dispatchers.DefaultGlobalDispatcher);
        _systemGuardian.Init();
        _userGuardian.Init();
        Log = Logging.GetLogger(this, $"ActorSystem({name})");
    }

    /// <summary>The system's name.</summary>
    public string Name { get; }

    /// <summary>The effective configuration (given config with the built-in defaults as fallback).</summary>
    public Config Config { get; }

    /// <summary>The default Ask timeout (<c>akka.actor.ask-timeout</c>); Ask itself always takes an explicit timeout.</summary>
    public TimeSpan AskTimeout { get; }

    /// <summary>The clock behind <see cref="Scheduler"/>, timers and supervision windows.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Sends messages later.</summary>
    public IScheduler Scheduler { get; }

    /// <summary>The event stream (log events, dead letters, unhandled messages).</summary>
    public EventStream EventStream { get; }

    /// <summary>Dispatcher lookup.</summary>
    public Dispatchers Dispatchers { get; }

    /// <summary>The dead letters reference.</summary>
    public IActorRef DeadLetters { get; }

    /// <summary>The system's logger.</summary>
    public ILoggingAdapter Log { get; }

    /// <summary>Completes when the system has terminated.</summary>
    public Task WhenTerminated => _terminated.Task;

    internal ActorCell SystemGuardian => _systemGuardian;

    /// <summary>Creates a system with the built-in defaults.</summary>
    public static ActorSystem Create(string name) => Create(name, null, null);

    /// <summary>Creates a system; <paramref name="config"/> falls back to <see cref="DefaultConfig"/>.</summary>
    public static ActorSystem Create(string name, Config? config) => Create(name, config, null);

    /// <summary>Creates a system driven by <paramref name="timeProvider"/> (a fake clock in tests; the system clock if null).</summary>
    public static ActorSystem Create(string name, Config? config, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!s_validName.IsMatch(name))
        {
            throw new ArgumentException($"Invalid ActorSystem name [{name}]: must match {s_validName}.", nameof(name));
        }

        var defaults = ConfigurationFactory.ParseString(DefaultConfig);
        var effective = config is null ? defaults : config.WithFallback(defaults);
        return new ActorSystem(name, effective, timeProvider ?? TimeProvider.System);
    }

    /// <summary>Creates a top-level actor under <c>/user</c>.</summary>
    /// <exception cref="InvalidActorNameException">The name is invalid or taken.</exception>
    /// <exception cref="ConfigurationException">The props name an unknown dispatcher.</exception>
    public IActorRef ActorOf(Props props, string? name = null)
    {
        if (Volatile.Read(ref _terminating) != 0)
        {
            throw new InvalidOperationException($"ActorSystem [{Name}] is terminating.");
        }

        return _userGuardian.AttachChild(props, name);
    }

    /// <summary>Stops <paramref name="actor"/> asynchronously.</summary>
    public void Stop(IActorRef actor)
    {
        if (actor is IInternalActorRef internalRef)
        {
            internalRef.Stop();
        }
    }

    /// <summary>Stops all actors (top-down) and completes <see cref="WhenTerminated"/>.</summary>
    public Task Terminate()
    {
        if (Interlocked.Exchange(ref _terminating, 1) == 0)
        {
            _userGuardian.SelfRef.Stop();
        }

        return WhenTerminated;
    }

    /// <summary>Terminates and waits up to 10 s.</summary>
    public void Dispose() => Terminate().Wait(TimeSpan.FromSeconds(10));

    /// <inheritdoc />
    public override string ToString() => $"akka://{Name}";

    internal bool IsLogLevelEnabled(LogLevel level) => _logLevel is { } min && level >= min;

    internal ActorCell UserGuardian => _userGuardian;

    internal PromiseActorRef CreatePromiseRef() =>
        new(this, (_tempPath / ("$" + Interlocked.Increment(ref s_tempCounter).ToString(System.Globalization.CultureInfo.InvariantCulture))).WithUid(ActorCell.NewUid()));

    internal IActorRef CreateFunctionRef(string name, Action<object, IActorRef?> tell) =>
        new FunctionRef(this, (_tempPath / (name + "-" + Interlocked.Increment(ref s_tempCounter).ToString(System.Globalization.CultureInfo.InvariantCulture))).WithUid(ActorCell.NewUid()), tell);

    internal void PublishDeadLetter(object message, IActorRef? sender, IActorRef recipient)
    {
        // Never wrap dead letters (a dead subscriber of DeadLetter would loop) nor suppressed messages.
        if (message is DeadLetter or IDeadLetterSuppression)
        {
            return;
        }

        EventStream.Publish(new DeadLetter(message, sender ?? DeadLetters, recipient));
    }

    /// <summary>A system message reached an actor that no longer exists.</summary>
    internal void HandleDeadSystemMessage(SystemMessage message, IInternalActorRef deadActor)
    {
        switch (message)
        {
            case Watch watch when watch.Watchee.Equals(deadActor):
                // Watching a dead actor yields exactly one Terminated (existence not confirmed).
                watch.Watcher.SendSystemMessage(new DeathWatchNotification(deadActor, existenceConfirmed: false));
                break;
            default:
                // Continuations, failures and the like are meaningless once the actor is gone.
                break;
        }
    }

    internal void OnGuardianTerminated(IInternalActorRef guardian)
    {
        if (guardian.Equals(_userGuardian.Self))
        {
            Volatile.Write(ref _terminating, 1);
            _systemGuardian.SelfRef.Stop();
        }
        else if (guardian.Equals(_systemGuardian.Self))
        {
            Dispatchers.ShutdownAll();
            _terminated.TrySetResult();
        }
    }
}
