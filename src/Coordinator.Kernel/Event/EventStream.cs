using Coordinator.Kernel.Actor;

namespace Coordinator.Kernel.Event;

/// <summary>
/// Publish/subscribe by type: an event goes to every subscriber whose channel type it is an instance of.
/// Publishing is lock-free (a copy-on-write array); subscribing takes a lock.
/// </summary>
public sealed class EventStream
{
    private readonly object _lock = new();
    private Subscription[] _subscriptions = [];

    /// <summary>Subscribes <paramref name="subscriber"/> to events assignable to <paramref name="channel"/>; false if already subscribed.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_lock)
        {
            if (Array.Exists(_subscriptions, s => s.Channel == channel && s.Subscriber.Equals(subscriber)))
            {
                return false;
            }

            _subscriptions = [.. _subscriptions, new Subscription(subscriber, channel)];
            return true;
        }
    }

    /// <summary>Removes one subscription; false if there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type channel)
    {
        lock (_lock)
        {
            var remaining = Array.FindAll(_subscriptions, s => !(s.Channel == channel && s.Subscriber.Equals(subscriber)));
            var removed = remaining.Length != _subscriptions.Length;
            _subscriptions = remaining;
            return removed;
        }
    }

    /// <summary>Removes all subscriptions of <paramref name="subscriber"/>.</summary>
    public bool Unsubscribe(IActorRef subscriber)
    {
        // Called for every terminating actor: avoid the lock and the copy in the common case.
        var current = Volatile.Read(ref _subscriptions);
        if (!Array.Exists(current, s => s.Subscriber.Equals(subscriber)))
        {
            return false;
        }

        lock (_lock)
        {
            _subscriptions = Array.FindAll(_subscriptions, s => !s.Subscriber.Equals(subscriber));
            return true;
        }
    }

    /// <summary>Sends <paramref name="event"/> to the matching subscribers (with no sender).</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var subscriptions = Volatile.Read(ref _subscriptions);
        var type = @event.GetType();
        foreach (var s in subscriptions)
        {
            if (s.Channel.IsAssignableFrom(type))
            {
                s.Subscriber.Tell(@event, ActorRefs.NoSender);
            }
        }
    }

    private sealed record Subscription(IActorRef Subscriber, Type Channel);
}
