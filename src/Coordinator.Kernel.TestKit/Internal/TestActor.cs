using System.Threading.Channels;
using Coordinator.Kernel.Actor;

namespace Coordinator.Kernel.TestKit.Internal;

/// <summary>The actor behind a TestKit or probe: queues everything it receives for the expectations.</summary>
internal sealed class TestActor : ActorBase
{
    private readonly ChannelWriter<Envelope> _queue;

    public TestActor(ChannelWriter<Envelope> queue)
    {
        _queue = queue;
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case WatchRequest watch:
                Context.Watch(watch.Target);
                watch.Done.TrySetResult();
                return true;
            case UnwatchRequest unwatch:
                Context.Unwatch(unwatch.Target);
                unwatch.Done.TrySetResult();
                return true;
            default:
                // Terminated included: the test actor never dies of a death pact.
                _queue.TryWrite(new Envelope(message, Sender));
                return true;
        }
    }

    // Done completes once the test actor has sent the (un)watch, so Watch(x); Stop(x) observes
    // the stop as a confirmed termination, as it would in an actor.
    internal sealed record WatchRequest(IActorRef Target, TaskCompletionSource Done);

    internal sealed record UnwatchRequest(IActorRef Target, TaskCompletionSource Done);
}
