using Akka.Actor;
using Akka.TestKit.Xunit2;
using Coordinator.Actors.Job;

namespace Coordinator.Actors.Tests.Job;

/// <summary>
/// Akka wraps an actor's failure before its supervisor sees it: a constructor's exception comes three layers deep
/// (ActorInitializationException, then the reflection of actor creation), a PreStart's one deep. The job's error must
/// name the real cause, whatever the depth.
/// </summary>
public sealed class RootCauseSpec : TestKit
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_supervisor_of_a_session_finds_the_real_cause_of_a_failure_in_the_constructor_or_PreStart(bool inConstructor)
    {
        var causes = CreateTestProbe();
        Sys.ActorOf(Props.Create(() => new ReportingParent(causes.Ref, inConstructor)));

        var seen = causes.ExpectMsg<(Exception Raw, Exception Root)>();

        if (inConstructor)
        {
            // The wrapping this spec is about: without it the spec would not show that RootCause unwraps anything.
            Assert.IsType<ActorInitializationException>(seen.Raw);
            Assert.NotSame(seen.Raw.InnerException, seen.Root);
        }
        var root = Assert.IsType<InvalidOperationException>(seen.Root);
        Assert.Equal("the components object could not be created", root.Message);
    }

    private sealed class ReportingParent : ReceiveActor
    {
        private readonly IActorRef _causes;

        public ReportingParent(IActorRef causes, bool inConstructor)
        {
            _causes = causes;
            Context.ActorOf(Props.Create(() => new FailingChild(inConstructor)));
        }

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(0, TimeSpan.FromMinutes(1), ex =>
        {
            _causes.Tell((ex, JobActor.RootCause(ex)));
            return Directive.Stop;
        });
    }

    private sealed class FailingChild : ReceiveActor
    {
        private readonly bool _inConstructor;

        public FailingChild(bool inConstructor)
        {
            _inConstructor = inConstructor;
            if (inConstructor)
            {
                throw new InvalidOperationException("the components object could not be created");
            }
        }

        protected override void PreStart()
        {
            if (!_inConstructor)
            {
                throw new InvalidOperationException("the components object could not be created");
            }
        }
    }
}
