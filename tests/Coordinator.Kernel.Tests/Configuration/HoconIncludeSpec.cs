using Coordinator.Kernel.Configuration;

namespace Coordinator.Kernel.Tests.Configuration;

public sealed class HoconIncludeSpec : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Include_is_relative_to_the_including_file()
    {
        _dir.Write("conf/defaults.conf", "a = 1\nb { x = 1 }");
        var main = _dir.Write("conf/main.conf", "include \"defaults.conf\"\nb { y = 2 }\na = 3");
        var config = ConfigurationFactory.FromFile(main);
        Assert.Equal(3, config.GetInt("a"));
        Assert.Equal(1, config.GetInt("b.x"));
        Assert.Equal(2, config.GetInt("b.y"));
    }

    [Fact]
    public void Nested_includes_resolve_from_each_file_s_own_directory()
    {
        _dir.Write("conf/sub/inner.conf", "include \"deeper/leaf.conf\"\ninner = yes");
        _dir.Write("conf/sub/deeper/leaf.conf", "leaf = 1");
        var main = _dir.Write("conf/main.conf", "include required(\"sub/inner.conf\")");
        var config = ConfigurationFactory.FromFile(main);
        Assert.Equal(1, config.GetInt("leaf"));
        Assert.True(config.GetBoolean("inner"));
    }

    [Fact]
    public void Include_without_extension_finds_the_conf_file()
    {
        _dir.Write("defaults.conf", "a = 1");
        var main = _dir.Write("main.conf", "include file(\"defaults\")");
        Assert.Equal(1, ConfigurationFactory.FromFile(main).GetInt("a"));
    }

    [Fact]
    public void Later_definitions_override_included_ones_and_included_override_earlier()
    {
        _dir.Write("inc.conf", "a = included\nb = included");
        var main = _dir.Write("main.conf", "a = before\ninclude \"inc.conf\"\nb = after");
        var config = ConfigurationFactory.FromFile(main);
        Assert.Equal("included", config.GetString("a"));
        Assert.Equal("after", config.GetString("b"));
    }

    [Fact]
    public void Missing_optional_include_is_ignored()
    {
        var main = _dir.Write("main.conf", "include \"nope.conf\"\na = 1");
        Assert.Equal(1, ConfigurationFactory.FromFile(main).GetInt("a"));
    }

    [Fact]
    public void Missing_required_include_fails_at_the_include()
    {
        var main = _dir.Write("main.conf", "a = 1\n  include required(\"nope.conf\")");
        var ex = Assert.Throws<HoconParseException>(() => ConfigurationFactory.FromFile(main));
        Assert.Equal(new HoconPosition(main, 2, 3), ex.Position);
        Assert.Contains("required include \"nope.conf\" not found (looked for " + Path.Combine(_dir.Path, "nope.conf"), ex.Message);
    }

    [Fact]
    public void Include_inside_an_object_nests_its_keys_and_its_substitutions()
    {
        _dir.Write("dispatcher.conf", "throughput = 5\ncopy = ${throughput}");
        var main = _dir.Write("main.conf", "akka.actor {\n  include \"dispatcher.conf\"\n}");
        var config = ConfigurationFactory.FromFile(main);
        Assert.Equal(5, config.GetInt("akka.actor.throughput"));
        Assert.Equal(5, config.GetInt("akka.actor.copy"));
    }

    [Fact]
    public void Included_file_can_refer_to_the_including_file()
    {
        _dir.Write("inc.conf", "timeout = ${base-timeout}");
        var main = _dir.Write("main.conf", "base-timeout = 3s\ninclude \"inc.conf\"");
        Assert.Equal(TimeSpan.FromSeconds(3), ConfigurationFactory.FromFile(main).GetTimeSpan("timeout"));
    }

    [Fact]
    public void Errors_in_an_included_file_name_that_file()
    {
        _dir.Write("sub/bad.conf", "ok = 1\nbroken }");
        var main = _dir.Write("main.conf", "include \"sub/bad.conf\"");
        var ex = Assert.Throws<HoconParseException>(() => ConfigurationFactory.FromFile(main));
        Assert.Equal(new HoconPosition(Path.Combine(_dir.Path, "sub", "bad.conf"), 2, 8), ex.Position);
        Assert.Contains("expected '=' or ':' or '{' after key \"broken\", found '}'", ex.Message);
    }

    [Fact]
    public void Include_cycles_are_errors()
    {
        _dir.Write("a.conf", "include \"b.conf\"");
        _dir.Write("b.conf", "x = 1\ninclude \"a.conf\"");
        var ex = Assert.Throws<HoconParseException>(() => ConfigurationFactory.FromFile(Path.Combine(_dir.Path, "a.conf")));
        Assert.Equal(2, ex.Position.Line);
        Assert.Contains("include cycle: a.conf -> b.conf -> a.conf", ex.Message);
    }

    [Fact]
    public void ParseString_includes_relative_to_the_given_directory()
    {
        _dir.Write("d.conf", "a = 1");
        Assert.Equal(1, ConfigurationFactory.ParseString("include \"d.conf\"", _dir.Path).GetInt("a"));
    }

    [Fact]
    public void Unsupported_include_kinds_are_refused()
    {
        var ex = Hocon.Fails("include classpath(\"x.conf\")");
        Assert.Equal(new HoconPosition(Hocon.Source, 1, 9), ex.Position);
        Assert.Contains("unsupported include 'classpath('", ex.Message);
    }

    [Fact]
    public void FromFile_on_a_missing_file_throws_FileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => ConfigurationFactory.FromFile(Path.Combine(_dir.Path, "missing.conf")));
    }
}
