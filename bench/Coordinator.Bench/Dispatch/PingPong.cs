using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Akka.Actor;

namespace Coordinator.Bench.Dispatch;

/// <summary>
/// One ball bounced between two parties, counted in messages per second (two messages per round trip): two actors
/// on a dispatcher against the raw primitive that dispatcher's hand-off comes down to.
/// </summary>
public static class PingPong
{
    /// <summary>Two actors on the given dispatcher ("" for the default one).</summary>
    public static async Task<double> ActorsAsync(ActorSystem system, string dispatcher, int roundTrips)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pingerProps = Props.Create(() => new Pinger(roundTrips, done));
        var pongerProps = Props.Create(() => new Ponger());
        if (dispatcher.Length > 0)
        {
            pingerProps = pingerProps.WithDispatcher(dispatcher);
            pongerProps = pongerProps.WithDispatcher(dispatcher);
        }
        var pinger = system.ActorOf(pingerProps);
        var ponger = system.ActorOf(pongerProps);
        var watch = Stopwatch.StartNew();
        ponger.Tell(new Ball(), pinger);
        await done.Task;
        var rate = 2.0 * roundTrips / watch.Elapsed.TotalSeconds;
        system.Stop(pinger);
        system.Stop(ponger);
        return rate;
    }

    /// <summary>Two tasks and two unbounded channels: the default dispatcher's raw counterpart.</summary>
    public static async Task<double> ChannelsAsync(int roundTrips)
    {
        var options = new UnboundedChannelOptions { SingleReader = true, SingleWriter = true };
        var toPonger = Channel.CreateUnbounded<Ball>(options);
        var toPinger = Channel.CreateUnbounded<Ball>(options);
        var watch = Stopwatch.StartNew();
        var ponger = Task.Run(async () =>
        {
            await foreach (var ball in toPonger.Reader.ReadAllAsync())
            {
                toPinger.Writer.TryWrite(ball);
            }
        });
        var pinger = Task.Run(async () =>
        {
            toPonger.Writer.TryWrite(new Ball());
            for (var i = 1; ; i++)
            {
                var ball = await toPinger.Reader.ReadAsync();
                if (i >= roundTrips)
                {
                    break;
                }
                toPonger.Writer.TryWrite(ball);
            }
            toPonger.Writer.Complete();
        });
        await pinger;
        var rate = 2.0 * roundTrips / watch.Elapsed.TotalSeconds;
        await ponger;
        return rate;
    }

    /// <summary>Two dedicated threads and two BlockingCollections: the dedicated-thread dispatcher's raw counterpart.</summary>
    public static Task<double> ThreadsAsync(int roundTrips)
    {
        var toPonger = new BlockingCollection<Ball>(new ConcurrentQueue<Ball>());
        var toPinger = new BlockingCollection<Ball>(new ConcurrentQueue<Ball>());
        var done = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ponger = new Thread(() =>
        {
            foreach (var ball in toPonger.GetConsumingEnumerable())
            {
                toPinger.Add(ball);
            }
        }) { IsBackground = true, Name = "bench-ponger" };
        var pinger = new Thread(() =>
        {
            var watch = Stopwatch.StartNew();
            toPonger.Add(new Ball());
            for (var i = 1; ; i++)
            {
                var ball = toPinger.Take();
                if (i >= roundTrips)
                {
                    break;
                }
                toPonger.Add(ball);
            }
            var rate = 2.0 * roundTrips / watch.Elapsed.TotalSeconds;
            toPonger.CompleteAdding();
            ponger.Join();
            toPonger.Dispose();
            toPinger.Dispose();
            done.SetResult(rate);
        }) { IsBackground = true, Name = "bench-pinger" };
        ponger.Start();
        pinger.Start();
        return done.Task;
    }
}
