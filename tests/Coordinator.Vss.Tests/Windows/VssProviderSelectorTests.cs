namespace Coordinator.Vss.Tests.Windows;

public sealed class VssProviderSelectorTests
{
    private sealed class FakeFactory : IVssFactory
    {
        public string ProviderName => "simulated";

        public IVssBackupComponents CreateVssBackupComponents() => throw new NotSupportedException();
    }

    [Fact]
    public void Auto_picks_windows_on_windows_and_the_simulator_elsewhere_and_says_why()
    {
        var selection = VssProviderSelector.Select("auto", () => new FakeFactory());
        var expected = OperatingSystem.IsWindows() ? "windows" : "simulated";
        Assert.Equal(expected, selection.ProviderName);
        Assert.Equal(expected, selection.Factory.ProviderName);
        Assert.Contains("--provider auto", selection.Reason);
    }

    [Fact]
    public void Simulated_is_used_when_asked_for()
    {
        var selection = VssProviderSelector.Select("Simulated", () => new FakeFactory());
        Assert.Equal("simulated", selection.ProviderName);
        Assert.Contains("as requested", selection.Reason);
    }

    [Fact]
    public void Windows_off_windows_is_refused_with_advice()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Equal("windows", VssProviderSelector.Select("windows", () => new FakeFactory()).ProviderName);
            return;
        }
        var error = Assert.Throws<PlatformNotSupportedException>(() => VssProviderSelector.Select("windows", () => new FakeFactory()));
        Assert.Contains("--provider simulated", error.Message);
    }

    [Fact]
    public void Unknown_names_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => VssProviderSelector.Select("alphavss", () => new FakeFactory()));
        Assert.Contains("auto, simulated or windows", error.Message);
    }
}
