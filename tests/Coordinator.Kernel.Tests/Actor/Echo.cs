namespace Coordinator.Kernel.Tests.Actor;

/// <summary>Replies with whatever it receives.</summary>
internal sealed class Echo : ReceiveActor
{
    public Echo()
    {
        ReceiveAny(m => Sender.Tell(m, Self));
    }
}
