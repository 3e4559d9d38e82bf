using System.Diagnostics;
using Akka.Actor;

namespace Coordinator.Bench.Dispatch;

/// <summary>Sequential Ask round trips to one actor, in asks per second (informative: no raw twin).</summary>
public static class AskRoundTrip
{
    public static async Task<double> RunAsync(ActorSystem system, int asks)
    {
        var echo = system.ActorOf(Props.Create(() => new Ponger()));
        var ball = new Ball();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < asks; i++)
        {
            await echo.Ask<Ball>(ball, TimeSpan.FromSeconds(10));
        }
        var rate = asks / watch.Elapsed.TotalSeconds;
        system.Stop(echo);
        return rate;
    }
}
