using Coordinator.Kernel.Configuration;

namespace Coordinator.Kernel.Tests.Configuration;

public sealed class HoconDurationSpec
{
    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("500ms", 500)]
    [InlineData("5m", 300_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("10 seconds", 10_000)]
    [InlineData("1 minute", 60_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("250", 250)]
    [InlineData("\"3 hours\"", 10_800_000)]
    [InlineData("0s", 0)]
    public void Durations_with_units(string text, long milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Hocon.Parse($"d = {text}").GetTimeSpan("d"));
    }

    [Fact]
    public void Sub_millisecond_units_convert_to_ticks()
    {
        Assert.Equal(TimeSpan.FromTicks(10), Hocon.Parse("d = 1us").GetTimeSpan("d"));
        Assert.Equal(TimeSpan.FromTicks(1), Hocon.Parse("d = 100ns").GetTimeSpan("d"));
    }

    [Fact]
    public void Infinite_is_allowed_unless_refused()
    {
        var config = Hocon.Parse("d = infinite");
        Assert.Equal(Timeout.InfiniteTimeSpan, config.GetTimeSpan("d"));
        var ex = Assert.Throws<ConfigurationException>(() => config.GetTimeSpan("d", allowInfinite: false));
        Assert.Contains("test.conf:1:5: d: 'infinite' is not allowed here", ex.Message);
    }

    [Theory]
    [InlineData("30 parsecs")]
    [InlineData("soon")]
    [InlineData("s")]
    public void Bad_durations_say_what_a_duration_looks_like(string text)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Hocon.Parse($"d = {text}").GetTimeSpan("d"));
        Assert.Equal($"test.conf:1:5: d: '{text}' is not a duration; write a number and a unit: ns, us, ms, s, m, h, d (or their long names), e.g. 30s", ex.Message);
    }
}
