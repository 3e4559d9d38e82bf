namespace Coordinator.Kernel.Tests.Actor;

/// <summary>Reports its lifecycle hooks, tagged with its name and incarnation number, to a probe.</summary>
internal class LifecycleProbeActor : ReceiveActor
{
    private static int s_instances;
    private readonly IActorRef _probe;
    private readonly string _name;

    public LifecycleProbeActor(IActorRef probe, string name)
    {
        _probe = probe;
        _name = name;
        Instance = Interlocked.Increment(ref s_instances);
        Receive<string>(s => s == "throw", _ => throw new InvalidOperationException("boom"));
        Receive<string>(s => s == "stop-self", _ => Context.Stop(Self));
        Receive<string>(s => s == "ping", _ => Sender.Tell("pong:" + _name));
        Receive<Props>(p => Sender.Tell(Context.ActorOf(p, "child")));
    }

    public int Instance { get; }

    protected override void PreStart() => _probe.Tell($"{_name}:PreStart");

    protected override void PostStop() => _probe.Tell($"{_name}:PostStop");

    protected override void PreRestart(Exception reason, object? message)
    {
        _probe.Tell($"{_name}:PreRestart");
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        _probe.Tell($"{_name}:PostRestart");
        base.PostRestart(reason);
    }
}

/// <summary>A supervisor whose decider is given by the test and which reports every failure to a probe.</summary>
internal sealed class Supervisor : ReceiveActor
{
    private readonly SupervisorStrategy _strategy;

    public Supervisor(SupervisorStrategy strategy, IActorRef probe)
    {
        _strategy = strategy;
        Receive<Props>(p => Sender.Tell(Context.ActorOf(p)));
        Receive<(Props Props, string Name)>(p => Sender.Tell(Context.ActorOf(p.Props, p.Name)));
        // Forwarded wrapped: a Terminated is only accepted by an actor that watches the dead one (as in Akka).
        Receive<Terminated>(t => probe.Tell(new ChildTerminated(t.ActorRef)));
        Receive<WatchIt>(w =>
        {
            Context.Watch(w.Target);
            Sender.Tell("watching");
        });
    }

    public static Props Props(IActorRef probe, Func<Exception, Directive> decider, int? maxNrOfRetries = null, TimeSpan? within = null) =>
        Coordinator.Kernel.Actor.Props.Create(() => new Supervisor(new OneForOneStrategy(maxNrOfRetries, within, ex =>
        {
            probe.Tell(ex);
            return decider(ex);
        }), probe));

    protected override SupervisorStrategy SupervisorStrategy() => _strategy;

    public sealed record WatchIt(IActorRef Target);

    public sealed record ChildTerminated(IActorRef Child);
}

internal static class ChildCreation
{
    /// <summary>
    /// Sends child props to a parent that replies with the child's ref; the child's PreStart report and that
    /// reply come from two actors, so their order is not defined: accept both orders.
    /// </summary>
    public static IActorRef CreateChild(this TestKitBase kit, IActorRef parent, object request, string preStart)
    {
        parent.Tell(request, kit.TestActor);
        var first = kit.ReceiveN(2);
        Assert.Contains(preStart, first);
        return first.OfType<IActorRef>().Single();
    }
}
