using Coordinator.Kernel.Event;

namespace Coordinator.Kernel.Tests.TestKit;

public sealed class NoImplicitSenderSpec : Coordinator.Kernel.TestKit.TestKit, INoImplicitSender
{
    [Fact]
    public void Tell_from_test_code_must_have_no_sender_with_INoImplicitSender()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));
        EventFilter.DeadLetter<string>(s => s == "to nobody").ExpectOne(() => echo.Tell("to nobody"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }
}
