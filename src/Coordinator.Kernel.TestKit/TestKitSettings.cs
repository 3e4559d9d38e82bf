using Coordinator.Kernel.Configuration;

namespace Coordinator.Kernel.TestKit;

/// <summary>Timeouts of the test kit, from <c>akka.test</c> (defaults as in Akka.TestKit).</summary>
public sealed class TestKitSettings
{
    /// <summary>Reads the settings; missing keys take Akka's defaults.</summary>
    public TestKitSettings(Config config)
    {
        SingleExpectDefault = config.GetTimeSpan("akka.test.single-expect-default", TimeSpan.FromSeconds(3), allowInfinite: false);
        DefaultTimeout = config.GetTimeSpan("akka.test.default-timeout", TimeSpan.FromSeconds(5), allowInfinite: false);
        FilterLeeway = config.GetTimeSpan("akka.test.filter-leeway", TimeSpan.FromSeconds(3), allowInfinite: false);
        TestTimeFactor = config.GetDouble("akka.test.timefactor", 1.0);
        if (TestTimeFactor <= 0)
        {
            throw new ConfigurationException($"akka.test.timefactor must be positive, not {TestTimeFactor}.");
        }
    }

    /// <summary>Default timeout of a single expectation (3 s).</summary>
    public TimeSpan SingleExpectDefault { get; }

    /// <summary>Default timeout of longer operations such as system shutdown (5 s).</summary>
    public TimeSpan DefaultTimeout { get; }

    /// <summary>How long an event filter waits for its events (3 s).</summary>
    public TimeSpan FilterLeeway { get; }

    /// <summary>Dilation factor for all test timeouts (for slow CI machines).</summary>
    public double TestTimeFactor { get; }
}
