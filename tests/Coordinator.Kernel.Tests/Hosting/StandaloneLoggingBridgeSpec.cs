using Coordinator.Kernel.Actor;
using Coordinator.Kernel.Hosting;
using Microsoft.Extensions.Logging;

namespace Coordinator.Kernel.Tests.Hosting;

public sealed class StandaloneLoggingBridgeSpec
{
    [Fact]
    public async Task The_bridge_works_without_a_host_and_lives_under_system()
    {
        var logs = new TestLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var system = ActorSystem.Create("standalone-bridge");
        try
        {
            var bridge = LoggingBridge.Install(system, factory);
            Assert.Equal("akka://standalone-bridge/system/" + LoggingBridge.ActorName, bridge.Path.ToString());

            Coordinator.Kernel.Event.Logging.GetLogger(system, "standalone").Warning("disk {Disk} is slow", "D:");

            var entry = await logs.WaitFor(e => e.Category == "standalone");
            Assert.Equal("disk D: is slow", entry.Message);
        }
        finally
        {
            await system.Terminate();
        }
    }
}
