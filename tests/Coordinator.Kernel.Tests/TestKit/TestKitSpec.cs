using Coordinator.Kernel.Tests.Actor;
using Xunit.Sdk;

namespace Coordinator.Kernel.Tests.TestKit;

public sealed class TestKitSpec : Coordinator.Kernel.TestKit.TestKit
{
    [Fact]
    public void TestKit_must_use_TestActor_as_implicit_sender_of_test_code()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));
        echo.Tell("hello");
        Assert.Equal("hello", ExpectMsg<string>());
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public async Task TestKit_must_keep_implicit_sender_across_awaits()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));
        await Task.Yield();
        await Task.Run(() => { });
        echo.Tell("after-await");
        Assert.Equal("after-await", await ExpectMsgAsync<string>());
    }

    [Fact]
    public void ExpectMsg_must_fail_on_timeout()
    {
        var ex = Assert.ThrowsAny<XunitException>(() => ExpectMsg<string>(TimeSpan.FromMilliseconds(50)));
        Assert.Contains("Timeout", ex.Message);
    }

    [Fact]
    public void ExpectMsg_must_fail_on_wrong_type()
    {
        TestActor.Tell(42);
        var ex = Assert.ThrowsAny<XunitException>(() => ExpectMsg<string>());
        Assert.Contains("42", ex.Message);
    }

    [Fact]
    public void ExpectMsg_with_predicate_must_fail_when_predicate_is_false()
    {
        TestActor.Tell(1);
        Assert.ThrowsAny<XunitException>(() => ExpectMsg<int>(i => i == 2));
        TestActor.Tell(2);
        Assert.Equal(2, ExpectMsg<int>(i => i == 2));
    }

    [Fact]
    public void ExpectMsg_with_value_and_assert_overloads_must_check_the_message()
    {
        TestActor.Tell("a");
        ExpectMsg("a");
        TestActor.Tell("b");
        Assert.ThrowsAny<XunitException>(() => ExpectMsg("a"));
        TestActor.Tell("c");
        ExpectMsg<string>(s => Assert.Equal("c", s));
    }

    [Fact]
    public void ExpectNoMsg_must_fail_when_a_message_arrives()
    {
        TestActor.Tell("unexpected");
        Assert.ThrowsAny<XunitException>(() => ExpectNoMsg(TimeSpan.FromMilliseconds(100)));
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void ExpectTerminated_must_see_the_watched_actor_stop()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));
        Watch(echo);
        Sys.Stop(echo);
        var terminated = ExpectTerminated(echo);
        Assert.True(terminated.ExistenceConfirmed);
    }

    [Fact]
    public void ExpectTerminated_must_fail_for_another_actor()
    {
        var a = Sys.ActorOf(Props.Create(() => new Echo()));
        var b = Sys.ActorOf(Props.Create(() => new Echo()));
        Watch(a);
        Sys.Stop(a);
        Assert.ThrowsAny<XunitException>(() => ExpectTerminated(b));
    }

    [Fact]
    public void TestProbe_must_be_an_actor_ref_with_its_own_queue()
    {
        var probe = CreateTestProbe();
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));
        probe.Send(echo, "ping");
        Assert.Equal("ping", probe.ExpectMsg<string>());
        Assert.Equal(echo, probe.Sender);
        ExpectNoMsg(TimeSpan.FromMilliseconds(50));

        echo.Tell("to-probe", probe);
        probe.ExpectMsg("to-probe");
    }

    [Fact]
    public void TestProbe_must_reply_and_forward()
    {
        var probe = CreateTestProbe();
        probe.Tell("question");
        probe.ExpectMsg("question");
        probe.Reply("answer");
        ExpectMsg("answer");
        Assert.Equal(probe.Ref, LastSender);

        var other = CreateTestProbe();
        probe.Tell("fwd");
        probe.ExpectMsg("fwd");
        probe.Forward(other);
        other.ExpectMsg("fwd");
        Assert.Equal(TestActor, other.LastSender);
    }

    [Fact]
    public void Within_must_bound_nested_expectations()
    {
        var ex = Assert.ThrowsAny<XunitException>(() => Within(TimeSpan.FromMilliseconds(100), () => ExpectMsg<string>()));
        Assert.Contains("Timeout", ex.Message);
        Within(TimeSpan.FromSeconds(2), () =>
        {
            Assert.True(Remaining <= TimeSpan.FromSeconds(2));
            TestActor.Tell("x");
            ExpectMsg("x");
        });
    }

    [Fact]
    public void Remaining_must_throw_outside_Within() => Assert.Throws<InvalidOperationException>(() => Remaining);

    [Fact]
    public void AwaitCondition_must_fail_when_condition_never_holds()
    {
        Assert.ThrowsAny<XunitException>(() => AwaitCondition(() => false, TimeSpan.FromMilliseconds(50)));
        var flag = 0;
        _ = Task.Run(() => Volatile.Write(ref flag, 1));
        AwaitCondition(() => Volatile.Read(ref flag) == 1);
    }

    [Fact]
    public void AwaitAssert_must_rethrow_the_last_failure()
    {
        var ex = Assert.ThrowsAny<Exception>(() => AwaitAssert(() => Assert.Equal(1, 2), TimeSpan.FromMilliseconds(50)));
        Assert.IsType<EqualException>(ex);
        var count = 0;
        AwaitAssert(() => Assert.True(++count >= 3));
    }

    [Fact]
    public void EventFilter_must_expect_an_exception_logged_by_a_supervisor()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Thrower()));
        EventFilter.Exception<InvalidOperationException>(contains: "boom").ExpectOne(() => actor.Tell("boom"));
    }

    [Fact]
    public void EventFilter_must_expect_a_warning_for_a_resumed_failure()
    {
        var supervisor = Sys.ActorOf(Supervisor.Props(CreateTestProbe(), _ => Directive.Resume));
        supervisor.Tell(Props.Create(() => new Thrower()));
        var child = ExpectMsg<IActorRef>();
        EventFilter.Warning(contains: "resume me").ExpectOne(() => child.Tell("resume me"));
    }

    [Fact]
    public void EventFilter_must_count_several_events()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Thrower()));
        EventFilter.Exception<InvalidOperationException>().Expect(2, () =>
        {
            actor.Tell("one");
            actor.Tell("two");
        });
    }

    [Fact]
    public void EventFilter_must_fail_when_the_event_does_not_happen()
    {
        Assert.ThrowsAny<XunitException>(() =>
            new Coordinator.Kernel.TestKit.TestKit(Sys).EventFilter.Exception<InvalidOperationException>().Expect(1, () => { }));
    }

    [Fact]
    public void EventFilter_must_expect_dead_letters()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));
        Watch(echo);
        Sys.Stop(echo);
        ExpectTerminated(echo);
        EventFilter.DeadLetter<string>(s => s == "lost").ExpectOne(() => echo.Tell("lost"));
    }

    [Fact]
    public void Dilated_must_apply_the_time_factor()
    {
        using var kit = new Coordinator.Kernel.TestKit.TestKit("akka.test.timefactor = 2.5");
        Assert.Equal(TimeSpan.FromSeconds(5), kit.Dilated(TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.FromSeconds(7.5), kit.RemainingOrDefault);
    }

    [Fact]
    public void Dispose_must_terminate_the_system()
    {
        var kit = new Coordinator.Kernel.TestKit.TestKit();
        kit.Dispose();
        Assert.True(kit.Sys.WhenTerminated.IsCompletedSuccessfully);
    }

    [Fact]
    public void ExpectMsgAllOf_must_accept_any_order_and_reject_strangers()
    {
        TestActor.Tell(2);
        TestActor.Tell(1);
        Assert.Equal([2, 1], ExpectMsgAllOf<int>([1, 2]));
        TestActor.Tell(3);
        Assert.ThrowsAny<XunitException>(() => ExpectMsgAllOf<int>([4]));
    }

    [Fact]
    public void ReceiveN_must_fail_when_too_few_messages_arrive()
    {
        TestActor.Tell("only one");
        Assert.ThrowsAny<XunitException>(() => ReceiveN(2, TimeSpan.FromMilliseconds(100)));
    }

    private sealed class Thrower : ReceiveActor
    {
        public Thrower()
        {
            Receive<string>(s => throw new InvalidOperationException(s));
        }
    }
}
