using Akka.Actor;

namespace Coordinator.Bench.Dispatch;

/// <summary>The message bounced between the two sides; a class, as a real message would be.</summary>
public sealed class Ball;

/// <summary>Sends the ball back to whoever sent it.</summary>
public sealed class Ponger : ReceiveActor
{
    public Ponger() => Receive<Ball>(ball => Sender.Tell(ball, Self));
}

/// <summary>Counts round trips and completes <paramref name="done"/> after <paramref name="roundTrips"/>.</summary>
public sealed class Pinger : ReceiveActor
{
    private int _count;

    public Pinger(int roundTrips, TaskCompletionSource done)
    {
        Receive<Ball>(ball =>
        {
            if (++_count >= roundTrips)
            {
                done.TrySetResult();
                return;
            }
            Sender.Tell(ball, Self);
        });
    }
}
