using Coordinator.Kernel.Configuration;

namespace Coordinator.Kernel.Tests.Configuration;

public sealed class HoconAppendSpec
{
    [Fact]
    public void Plus_equals_inside_list_elements_and_nested_objects()
    {
        var config = Hocon.Parse("l = [{ a = [1], a += 2 }]\nouter { inner = [x] }\nouter { inner += y }\nouter.inner += z");
        var element = config.GetValue("l")!.GetArray()[0].GetObject();
        Assert.Equal(["1", "2"], element.Items["a"].GetArray().Select(v => v.GetString()));
        Assert.Equal(["x", "y", "z"], config.GetStringList("outer.inner"));
    }

    [Fact]
    public void Plus_equals_on_a_non_list_is_an_error()
    {
        var ex = Hocon.Fails("a = text\na += more");
        Assert.Equal("test.conf:2:3: cannot concatenate values of different kinds ('text', a list); only strings, only lists or only objects concatenate", ex.Message);
    }
}
