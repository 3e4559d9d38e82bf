using Coordinator.Kernel.Configuration;

namespace Coordinator.Kernel.Tests.Configuration;

public sealed class HoconConcatenationSpec
{
    [Fact]
    public void Keys_with_spaces_concatenate_like_values()
    {
        Assert.Equal(1, Hocon.Parse("a b c = 1").GetInt("\"a b c\""));
    }

    [Fact]
    public void Adjacent_objects_and_lists_concatenate()
    {
        var config = Hocon.Parse("o = { a = 1 } { b = 2 }\nl = [1, 2] [3]");
        Assert.Equal(1, config.GetInt("o.a"));
        Assert.Equal(2, config.GetInt("o.b"));
        Assert.Equal(["1", "2", "3"], config.GetStringList("l"));
    }

    [Fact]
    public void A_key_named_include_is_an_ordinary_key()
    {
        Assert.Equal(5, Hocon.Parse("include = 5").GetInt("include"));
    }

    [Fact]
    public void ToString_renders_parseable_hocon()
    {
        var original = Hocon.Parse("a { b = \"x \\\"y\\\"\", n = 1, l = [true, null] }");
        var reparsed = Hocon.Parse(original.ToString());
        Assert.Equal(original.ToString(), reparsed.ToString());
        Assert.Equal("x \"y\"", reparsed.GetString("a.b"));
    }
}
