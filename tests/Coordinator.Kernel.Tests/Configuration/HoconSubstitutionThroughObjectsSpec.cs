using Coordinator.Kernel.Configuration;

namespace Coordinator.Kernel.Tests.Configuration;

public sealed class HoconSubstitutionThroughObjectsSpec
{
    [Fact]
    public void A_field_may_reach_its_own_object_through_a_copy_without_a_cycle()
    {
        var config = Hocon.Parse("base { timeout = 5s, retry = ${derived.timeout} }\nderived = ${base}");
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("base.retry"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("derived.retry"));
    }

    [Fact]
    public void A_merged_copy_of_an_object_being_resolved_is_resolved_too()
    {
        var config = Hocon.Parse("a { b = 1, c = ${x.b} }\nx = ${a} { z = 2 }");
        Assert.Equal(1, config.GetInt("a.c"));
        Assert.Equal(1, config.GetInt("x.c"));
        Assert.Equal(2, config.GetInt("x.z"));
    }

    [Fact]
    public void An_object_concatenated_with_its_own_container_is_a_cycle()
    {
        var ex = Hocon.Fails("a {\n  b = ${a} { x = 1 }\n}");
        Assert.Equal(new HoconPosition(Hocon.Source, 2, 7), ex.Position);
        Assert.Contains("substitution cycle: ${a}", ex.Message);
    }

    [Fact]
    public void A_list_holding_its_container_is_a_cycle()
    {
        var ex = Hocon.Fails("x {\n  l = [1, ${x}]\n}");
        Assert.Equal(new HoconPosition(Hocon.Source, 2, 11), ex.Position);
    }
}
