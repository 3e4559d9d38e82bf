using Coordinator.Kernel.Configuration;

namespace Coordinator.Kernel.Tests.Configuration;

public sealed class HoconSizeSpec
{
    [Theory]
    [InlineData("512", 512)]
    [InlineData("512B", 512)]
    [InlineData("10 kB", 10_000)]
    [InlineData("10K", 10_240)]
    [InlineData("10KiB", 10_240)]
    [InlineData("2 MB", 2_000_000)]
    [InlineData("2M", 2_097_152)]
    [InlineData("1 gibibyte", 1_073_741_824)]
    [InlineData("1.5k", 1_536)]
    public void Sizes_with_units(string text, long bytes)
    {
        Assert.Equal(bytes, Hocon.Parse($"s = {text}").GetByteSize("s"));
    }

    [Fact]
    public void Missing_size_is_null_and_bad_size_explains()
    {
        var config = Hocon.Parse("s = lots");
        Assert.Null(config.GetByteSize("missing"));
        var ex = Assert.Throws<ConfigurationException>(() => config.GetByteSize("s"));
        Assert.StartsWith("test.conf:1:5: s: 'lots' is not a size", ex.Message);
    }
}
