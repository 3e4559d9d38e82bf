using Akka.Actor;
using Akka.Configuration;

namespace Coordinator.Actors.Tests.Dispatch;

public sealed class DedicatedThreadDispatcherConfigSpecs : Akka.TestKit.Xunit2.TestKit
{
    private const string Type = "\"Coordinator.Actors.Dispatch.DedicatedThreadDispatcherConfigurator, Coordinator.Actors\"";

    private const string Config = $$"""
        bad-apartment { type = {{Type}}, apartment = both }
        small-stack { type = {{Type}}, stack-size = 32 KiB }
        huge-stack { type = {{Type}}, stack-size = 17 MiB }
        vague-stack { type = {{Type}}, stack-size = plenty }
        empty-prefix { type = {{Type}}, thread-name-prefix = "" }
        no-throughput { type = {{Type}}, throughput = 0 }
        """;

    public DedicatedThreadDispatcherConfigSpecs()
        : base(Config)
    {
    }

    [Theory]
    [InlineData("bad-apartment", "apartment", "sta or mta", "both")]
    [InlineData("small-stack", "stack-size", "64 KiB to 16 MiB", "32 KiB")]
    [InlineData("huge-stack", "stack-size", "64 KiB to 16 MiB", "17 MiB")]
    [InlineData("vague-stack", "stack-size", "64 KiB to 16 MiB", "plenty")]
    [InlineData("empty-prefix", "thread-name-prefix", "non-empty", "")]
    [InlineData("no-throughput", "throughput", "at least 1", "0")]
    public void A_bad_value_is_refused_naming_dispatcher_key_and_allowed_values(string id, string key, string allowed, string got)
    {
        var refusal = Assert.Throws<ConfigurationException>(() => Sys.Dispatchers.Lookup(id));

        Assert.Contains($"[{id}]", refusal.Message);
        Assert.Contains(key, refusal.Message);
        Assert.Contains(allowed, refusal.Message);
        Assert.Contains($"[{got}]", refusal.Message);
    }

    [Fact]
    public void An_actor_on_a_badly_configured_dispatcher_is_not_created()
    {
        // Akka wraps the refusal in its own "Configuration problem while creating ..." exception.
        var refusal = Assert.Throws<ConfigurationException>(
            () => Sys.ActorOf(Props.Create(() => new Idle()).WithDispatcher("bad-apartment")));

        var cause = Assert.IsType<ConfigurationException>(refusal.InnerException);
        Assert.Contains("[bad-apartment]: apartment must be sta or mta; got [both]", cause.Message);
    }

    private sealed class Idle : ReceiveActor
    {
    }
}
