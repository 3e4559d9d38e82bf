namespace Coordinator.Kernel.Tests.Actor;

public sealed class AskSpec : Coordinator.Kernel.TestKit.TestKit
{
    public AskSpec()
        : base(new TestScheduler())
    {
    }

    [Fact]
    public async Task Ask_must_complete_with_the_typed_reply()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));
        Assert.Equal(42, await echo.Ask<int>(42, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Ask_must_time_out_with_AskTimeoutException()
    {
        var silent = CreateTestProbe();
        var pending = silent.Ask<string>("hello?", TimeSpan.FromSeconds(5));
        silent.ExpectMsg("hello?");
        TestScheduler.Advance(TimeSpan.FromSeconds(4));
        Assert.False(pending.IsCompleted);
        TestScheduler.Advance(TimeSpan.FromSeconds(1));
        var ex = await Assert.ThrowsAsync<AskTimeoutException>(() => pending);
        Assert.Contains("5", ex.Message);
    }

    [Fact]
    public async Task Ask_must_fault_with_the_cause_of_Status_Failure()
    {
        var probe = CreateTestProbe();
        var pending = probe.Ask<string>("q", TimeSpan.FromSeconds(5));
        probe.ExpectMsg("q");
        var cause = new InvalidOperationException("nope");
        probe.Reply(new Status.Failure(cause));
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => pending);
        Assert.Same(cause, thrown);
    }

    [Fact]
    public async Task Untyped_Ask_and_Ask_of_Status_must_return_Status_replies_as_they_are()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));
        var failure = new Status.Failure(new InvalidOperationException("kept"));
        Assert.Same(failure, await echo.Ask(failure, TimeSpan.FromSeconds(5)));
        Assert.Same(failure, await echo.Ask<Status.Failure>(failure, TimeSpan.FromSeconds(5)));
        var success = await echo.Ask<Status.Success>(new Status.Success(42), TimeSpan.FromSeconds(5));
        Assert.Equal(42, success.Status);
    }

    [Fact]
    public async Task Ask_must_fault_with_ArgumentException_on_a_reply_of_the_wrong_type()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => echo.Ask<string>(7, TimeSpan.FromSeconds(5)));
        Assert.Contains("Ask expected message of type [System.String]", ex.Message);
    }

    [Fact]
    public async Task Ask_must_be_cancelable()
    {
        var probe = CreateTestProbe();
        using var cts = new CancellationTokenSource();
        var pending = probe.Ask<string>("q", TimeSpan.FromSeconds(5), cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public void Ask_must_require_a_positive_timeout()
    {
        var probe = CreateTestProbe();
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = probe.Ask("q", TimeSpan.Zero); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = probe.Ask("q", Timeout.InfiniteTimeSpan); });
    }

    [Fact]
    public async Task Ask_must_not_run_continuations_on_the_repliers_thread()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()).WithDispatcher("akka.actor.pinned-dispatcher"));

        // Even a continuation that asks to run synchronously must not run inline on the replying actor's thread.
        var continuationThread = await echo.Ask(1, TimeSpan.FromSeconds(5))
            .ContinueWith(_ => Thread.CurrentThread.Name ?? string.Empty, TaskContinuationOptions.ExecuteSynchronously);
        Assert.DoesNotContain("pinned", continuationThread, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GracefulStop_must_complete_with_true_when_the_actor_stopped()
    {
        var echo = Watch(Sys.ActorOf(Props.Create(() => new Echo())));
        Assert.True(await echo.GracefulStop(TimeSpan.FromSeconds(5)));
        ExpectTerminated(echo);
    }

    [Fact]
    public async Task GracefulStop_must_complete_with_false_when_the_actor_did_not_stop_in_time()
    {
        var gate = new ManualResetEventSlim();
        var blocked = Sys.ActorOf(Props.Create(() => new Blocking(gate, TestActor)));
        blocked.Tell("block");
        ExpectMsg("blocking");
        var stopping = blocked.GracefulStop(TimeSpan.FromSeconds(3));
        await AwaitConditionAsync(() => Task.FromResult(TestScheduler.PendingTimerCount > 0));
        TestScheduler.Advance(TimeSpan.FromSeconds(3));
        Assert.False(await stopping);
        gate.Set();
    }

    private sealed class Blocking : ReceiveActor
    {
        public Blocking(ManualResetEventSlim gate, IActorRef probe)
        {
            Receive<string>(_ =>
            {
                probe.Tell("blocking");
                gate.Wait(TimeSpan.FromSeconds(10));
            });
        }
    }
}
