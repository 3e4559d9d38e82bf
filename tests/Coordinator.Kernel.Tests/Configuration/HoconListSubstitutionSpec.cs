using Coordinator.Kernel.Configuration;

namespace Coordinator.Kernel.Tests.Configuration;

public sealed class HoconListSubstitutionSpec
{
    [Fact]
    public void Self_reference_inside_a_list_sees_the_earlier_value()
    {
        var config = Hocon.Parse("a = 1\na = [${a}, 2]\nb += ${?b}\nc = [${?c}]");
        Assert.Equal(["1", "2"], config.GetStringList("a"));
        Assert.Empty(config.GetStringList("b"));
        Assert.Empty(config.GetStringList("c"));
    }

    [Fact]
    public void A_list_element_may_use_an_object_that_refers_back_to_the_list()
    {
        var config = Hocon.Parse("l = [${x.b}]\nx { b = 1, c = ${l} }");
        Assert.Equal(["1"], config.GetStringList("l"));
        Assert.Equal(["1"], config.GetStringList("x.c"));
    }

    [Fact]
    public void A_list_containing_itself_through_another_path_is_a_cycle()
    {
        var ex = Hocon.Fails("x { l = [${y}] }\ny = ${x.l}");
        Assert.Equal(new HoconPosition(Hocon.Source, 1, 10), ex.Position);
        Assert.Equal("test.conf:1:10: substitution cycle: ${y} refers to a value that contains this substitution; refer to a field inside it instead", ex.Message);
    }
}
