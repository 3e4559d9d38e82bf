using Coordinator.Kernel.Configuration;

namespace Coordinator.Kernel.Tests.Configuration;

public sealed class HoconSubstitutionSpec
{
    private static readonly Dictionary<string, string> _environment = new()
    {
        ["HOME"] = "/home/op",
        ["COORDINATOR_THROUGHPUT"] = "12",
        ["PATH"] = "/usr/bin",
    };

    [Fact]
    public void Substitution_from_a_path_keeps_the_type_and_sees_later_definitions()
    {
        var config = Hocon.Parse("a = ${b.c}\nb.c = 42\nd = ${b}\nb.e = late");
        Assert.Equal(42, config.GetInt("a"));
        Assert.Equal(HoconValueType.Number, config.GetValue("a")!.Type);
        Assert.Equal(42, config.GetInt("d.c"));
        Assert.Equal("late", config.GetString("d.e"));
    }

    [Fact]
    public void Substitution_from_an_environment_variable()
    {
        var config = Hocon.Parse("home = ${HOME}\nt = ${?COORDINATOR_THROUGHPUT}\ndir = ${HOME}/backups", _environment);
        Assert.Equal("/home/op", config.GetString("home"));
        Assert.Equal(12, config.GetInt("t"));
        Assert.Equal("/home/op/backups", config.GetString("dir"));
    }

    [Fact]
    public void Config_path_wins_over_the_environment()
    {
        Assert.Equal("config", Hocon.Parse("HOME = config\nh = ${HOME}", _environment).GetString("h"));
    }

    [Fact]
    public void Optional_substitution_overrides_only_when_defined()
    {
        var config = Hocon.Parse("t = 30\nt = ${?COORDINATOR_THROUGHPUT}\nu = 7\nu = ${?NOT_SET}", _environment);
        Assert.Equal(12, config.GetInt("t"));
        Assert.Equal(7, config.GetInt("u"));
    }

    [Fact]
    public void Undefined_optional_substitution_leaves_the_field_unset()
    {
        var config = Hocon.Parse("a = ${?NOT_SET}\nl = [1, ${?NOT_SET}, 3]\ns = x ${?NOT_SET}");
        Assert.False(config.HasPath("a"));
        Assert.Null(config.GetValue("a"));
        Assert.Equal(["1", "3"], config.GetStringList("l"));
        Assert.Equal("x", config.GetString("s"));
    }

    [Fact]
    public void Self_reference_sees_the_previous_value()
    {
        var config = Hocon.Parse("PATH = ${PATH}\":/opt/bin\"\nx = 1\nx = ${x}0\nlist = [a]\nlist = ${list} [b]", _environment);
        Assert.Equal("/usr/bin:/opt/bin", config.GetString("PATH"));
        Assert.Equal("10", config.GetString("x"));
        Assert.Equal(["a", "b"], config.GetStringList("list"));
    }

    [Fact]
    public void Object_concatenation_through_a_substitution()
    {
        var config = Hocon.Parse("base { type = Dispatcher, throughput = 30 }\npinned = ${base} { type = PinnedDispatcher }");
        Assert.Equal("PinnedDispatcher", config.GetString("pinned.type"));
        Assert.Equal(30, config.GetInt("pinned.throughput"));
        Assert.Equal("Dispatcher", config.GetString("base.type"));
    }

    [Fact]
    public void An_object_merged_over_a_substitution_keeps_both()
    {
        var config = Hocon.Parse("base { a = 1 }\nd = ${base}\nd { b = 2 }");
        Assert.Equal(1, config.GetInt("d.a"));
        Assert.Equal(2, config.GetInt("d.b"));
        Assert.False(config.HasPath("base.b"));
    }

    [Fact]
    public void Substitution_chains_resolve()
    {
        Assert.Equal(3, Hocon.Parse("a = ${b}\nb = ${c}\nc = 3").GetInt("a"));
    }

    [Fact]
    public void Unresolved_required_substitution_names_the_path_and_place()
    {
        var ex = Hocon.Fails("a {\n  b = ${akka.missing.key}\n}");
        Assert.Equal(new HoconPosition(Hocon.Source, 2, 7), ex.Position);
        Assert.Equal(
            "test.conf:2:7: unresolved substitution ${akka.missing.key}: no path \"akka.missing.key\" in the config and no environment variable \"akka.missing.key\"; define one of them or write ${?akka.missing.key} to make it optional",
            ex.Message);
    }

    [Fact]
    public void Cycles_are_errors()
    {
        var ex = Hocon.Fails("a = ${b}\nb = ${c}\nc = ${a}");
        Assert.StartsWith("test.conf:", ex.Message);
        Assert.Contains("substitution cycle: ${b} -> ${c} -> ${a}", ex.Message);
    }

    [Fact]
    public void A_value_containing_itself_is_a_cycle()
    {
        var ex = Hocon.Fails("a {\n  b = ${a}\n}");
        Assert.Equal("test.conf:2:7: substitution cycle: ${a} refers to a value that contains this substitution; refer to a field inside it instead", ex.Message);
    }

    [Fact]
    public void Concatenation_cycle_is_an_error()
    {
        var ex = Hocon.Fails("a = ${b} x\nb = ${a} y");
        Assert.Contains("substitution cycle", ex.Message);
    }

    [Fact]
    public void Self_reference_without_a_previous_value_or_variable_is_unresolved()
    {
        var ex = Hocon.Fails("x = ${x} y");
        Assert.Equal(new HoconPosition(Hocon.Source, 1, 5), ex.Position);
        Assert.Equal(
            "test.conf:1:5: unresolved substitution ${x}: it refers to the key being defined, which has no earlier value, and there is no environment variable \"x\"; define the key before this line or write ${?x}",
            ex.Message);
    }

    [Fact]
    public void Mixing_kinds_in_a_concatenation_is_an_error()
    {
        var ex = Hocon.Fails("l = [1]\na = ${l} text");
        Assert.Equal(
            "test.conf:2:5: cannot concatenate values of different kinds (a list, 'text'); only strings, only lists or only objects concatenate",
            ex.Message);
    }

    [Fact]
    public void Quoted_path_segments_in_substitutions()
    {
        Assert.Equal(1, Hocon.Parse("\"a.b\" { c = 1 }\nd = ${\"a.b\".c}").GetInt("d"));
    }
}
