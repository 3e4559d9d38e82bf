using Coordinator.Kernel.Event;

namespace Coordinator.Kernel.Tests.Actor;

public sealed class StashSpec : Coordinator.Kernel.TestKit.TestKit
{
    [Fact]
    public void UnstashAll_must_prepend_stashed_messages_in_their_original_order()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gate()));
        actor.Tell("a");
        actor.Tell("b");
        actor.Tell("open");
        actor.Tell("c");
        Assert.Equal(["got:a", "got:b", "got:c"], ReceiveN(3));
    }

    [Fact]
    public void Unstash_must_put_back_only_the_oldest_message()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gate()));
        actor.Tell("a");
        actor.Tell("b");
        actor.Tell("one");
        actor.Tell("count");

        // "a" went back to the front, ahead of "count"; "b" is still stashed.
        ExpectMsg("got:a");
        ExpectMsg(1);
    }

    [Fact]
    public void Stash_must_refuse_the_same_message_twice()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Gate()));
        actor.Tell("twice");
        ExpectMsg<IllegalActorStateException>();
    }

    [Fact]
    public void Stashed_messages_must_become_dead_letters_when_the_actor_stops()
    {
        var actor = Watch(Sys.ActorOf(Props.Create(() => new Gate())));
        actor.Tell("a");
        EventFilter.DeadLetter<string>(m => m == "a").ExpectOne(() =>
        {
            Sys.Stop(actor);
            ExpectTerminated(actor);
        });
    }

    private sealed class Gate : ReceiveActor, IWithStash
    {
        public Gate()
        {
            Receive<string>(s => s == "open", _ =>
            {
                Become(() => ReceiveAny(m => Sender.Tell("got:" + m)));
                Stash.UnstashAll();
            });
            Receive<string>(s => s == "one", _ =>
            {
                Stash.Unstash();
                Become(() =>
                {
                    Receive<string>(s => s == "count", _ => Sender.Tell(Stash.Count));
                    ReceiveAny(m => Sender.Tell("got:" + m));
                });
            });
            Receive<string>(s => s == "twice", _ =>
            {
                Stash.Stash();
                try
                {
                    Stash.Stash();
                }
                catch (IllegalActorStateException ex)
                {
                    Sender.Tell(ex);
                }
            });
            Receive<string>(_ => Stash.Stash());
        }

        public IStash Stash { get; set; } = null!;
    }
}
