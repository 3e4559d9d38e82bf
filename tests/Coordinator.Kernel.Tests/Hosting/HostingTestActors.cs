using System.Collections.Concurrent;
using Coordinator.Kernel.Actor;
using Coordinator.Kernel.Event;

namespace Coordinator.Kernel.Tests.Hosting;

/// <summary>Replies with what it receives.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor()
    {
        Receive<string>(s => Sender.Tell(s, Self));
    }
}

/// <summary>Records its PostStop; creates the named children.</summary>
internal sealed class StopRecordingActor : ReceiveActor
{
    private readonly ConcurrentQueue<string> _stopped;
    private readonly string _name;

    public StopRecordingActor(ConcurrentQueue<string> stopped, string name, params string[] children)
    {
        _stopped = stopped;
        _name = name;
        foreach (var child in children)
        {
            Context.ActorOf(Props.Create(() => new StopRecordingActor(stopped, child)), child);
        }

        Receive<string>(_ => { });
    }

    protected override void PostStop() => _stopped.Enqueue(_name);
}

/// <summary>Logs what it is told to, through the kernel's logging adapter.</summary>
internal sealed class LoggingActor : ReceiveActor
{
    public LoggingActor()
    {
        var log = Context.GetLogger();
        Receive<string>(volume => log.Info("Snapshotting {Volume} of {Count}", volume, 3));
        Receive<InvalidOperationException>(ex => log.Error(ex, "Writer failed"));
        Receive<int>(n => log.Warning("Plain warning {0}", n));
    }
}

/// <summary>Takes a DI service in its constructor.</summary>
internal sealed class GreeterActor : ReceiveActor
{
    public GreeterActor(Greeting greeting, string suffix)
    {
        Receive<string>(name => Sender.Tell($"{greeting.Text} {name}{suffix}", Self));
    }
}

internal sealed record Greeting(string Text);

/// <summary>Registry key types.</summary>
internal sealed class EchoKey;

internal sealed class LateKey;
