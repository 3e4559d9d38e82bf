using System.Collections.Concurrent;

namespace Coordinator.Kernel.Tests.Dispatch;

/// <summary>A mailbox run processes at most <c>throughput</c> user messages, then yields to other actors.</summary>
public sealed class ThroughputSpec : Coordinator.Kernel.TestKit.TestKit
{
    private const string DispatcherId = "akka.actor.manual-throughput-dispatcher";

    public ThroughputSpec()
        : base($$"""
            akka.actor.manual-throughput-dispatcher {
              type = Dispatcher
              throughput = 5
              executor = "{{typeof(ManualExecutorFactory).AssemblyQualifiedName}}"
            }
            """)
    {
    }

    [Fact]
    public void Flooding_actor_must_yield_after_throughput_messages()
    {
        var log = new ConcurrentQueue<string>();
        var a = Sys.ActorOf(Props.Create(() => new Logger(log, "A")).WithDispatcher(DispatcherId));
        var b = Sys.ActorOf(Props.Create(() => new Logger(log, "B")).WithDispatcher(DispatcherId));
        var executor = ManualExecutorFactory.Produced[DispatcherId];
        for (var i = 0; i < 12; i++)
        {
            a.Tell(i);
            b.Tell(i);
        }

        // Both mailboxes are queued once; each run handles 5 messages and re-queues the mailbox behind the other.
        Assert.Equal(2, executor.Pending);
        executor.RunOne();
        Assert.Equal(5, log.Count);
        Assert.Equal(2, executor.Pending);
        executor.RunAll();

        var chunks = Chunks(log.ToArray());
        Assert.Equal(["A:5", "B:5", "A:5", "B:5", "A:2", "B:2"], chunks);

        // Nothing runs these actors but the test: stop them here so the system can terminate.
        Watch(a);
        Watch(b);
        Sys.Stop(a);
        Sys.Stop(b);
        executor.RunAll();
        ExpectTerminated(a);
        ExpectTerminated(b);
    }

    private static List<string> Chunks(string[] entries)
    {
        var chunks = new List<string>();
        for (var i = 0; i < entries.Length;)
        {
            var j = i;
            while (j < entries.Length && entries[j] == entries[i])
            {
                j++;
            }

            chunks.Add($"{entries[i]}:{j - i}");
            i = j;
        }

        return chunks;
    }

    private sealed class Logger : ReceiveActor
    {
        public Logger(ConcurrentQueue<string> log, string name) => Receive<int>(_ => log.Enqueue(name));
    }
}
