using Coordinator.Kernel.Configuration;

namespace Coordinator.Kernel.Tests.Configuration;

public sealed class HoconNestingSpec
{
    [Fact]
    public void Deep_nesting_is_refused_with_a_position_instead_of_overflowing_the_stack()
    {
        var ex = Hocon.Fails("a = " + new string('[', 100_000));
        Assert.Equal(new HoconPosition(Hocon.Source, 1, 205), ex.Position);
        Assert.Contains("nested more than 200 levels", ex.Message);
        Assert.Contains("nested more than 200 levels", Hocon.Fails(string.Concat(Enumerable.Repeat("a { ", 300))).Message);
        Assert.Single(Hocon.Parse("a = " + new string('[', 150) + "1" + new string(']', 150)).GetValue("a")!.GetArray());
    }
}
