namespace Coordinator.Kernel.Actor;

/// <summary>Tell and Forward with the implicit sender: the current actor, else the ambient sender (the TestKit's TestActor), else none.</summary>
public static class ActorRefImplicitSenderExtensions
{
    /// <summary>Sends <paramref name="message"/> with the implicit sender.</summary>
    public static void Tell(this ICanTell receiver, object message) => receiver.Tell(message, ActorCell.GetCurrentSelfOrNoSender());

    /// <summary>Sends <paramref name="message"/> keeping the sender of the message being processed.</summary>
    public static void Forward(this ICanTell receiver, object message) => receiver.Tell(message, ActorCell.GetCurrentSenderOrNoSender());
}
