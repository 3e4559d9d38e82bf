using Coordinator.Kernel.Configuration;

namespace Coordinator.Kernel.Tests.Configuration;

public sealed class HoconSyntaxSpec
{
    [Fact]
    public void Root_without_braces_and_with_braces_are_the_same()
    {
        var bare = Hocon.Parse("a = 1\nb = 2");
        var braced = Hocon.Parse("{ a = 1, b = 2 }");
        Assert.Equal(1, bare.GetInt("a"));
        Assert.Equal(2, bare.GetInt("b"));
        Assert.Equal(bare.ToString(), braced.ToString());
    }

    [Fact]
    public void Equals_colon_and_object_shorthand_all_define_fields()
    {
        var config = Hocon.Parse("a = 1\nb : 2\nc { d = 3 }\ne = { f = 4 }\ng : { h = 5 }");
        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b"));
        Assert.Equal(3, config.GetInt("c.d"));
        Assert.Equal(4, config.GetInt("e.f"));
        Assert.Equal(5, config.GetInt("g.h"));
    }

    [Fact]
    public void Dotted_keys_create_nested_objects()
    {
        var config = Hocon.Parse("akka.actor.default-dispatcher.throughput = 7");
        Assert.Equal(7, config.GetInt("akka.actor.default-dispatcher.throughput"));
        Assert.True(config.GetValue("akka.actor")!.IsObject);
    }

    [Fact]
    public void Quoted_keys_keep_their_dots()
    {
        var config = Hocon.Parse("\"a.b\" = 1\nx.\"y.z\".w = 2\n\"\" = empty");
        Assert.Equal(1, config.GetInt("\"a.b\""));
        Assert.False(config.HasPath("a.b"));
        Assert.Equal(2, config.GetInt("x.\"y.z\".w"));
        Assert.Equal("empty", config.GetString("\"\""));
    }

    [Fact]
    public void Comments_with_hash_and_double_slash_are_ignored()
    {
        var config = Hocon.Parse("# full line\na = 1 # trailing\n// another\nb = 2 // trailing\nc = \"not # a comment\"");
        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b"));
        Assert.Equal("not # a comment", config.GetString("c"));
    }

    [Fact]
    public void Quoted_strings_decode_json_escapes()
    {
        var config = Hocon.Parse("""a = "q\" b\\ s\/ \b\f\n\r\t \u00e9" """);
        Assert.Equal("q\" b\\ s/ \b\f\n\r\t \u00e9", config.GetString("a"));
    }

    [Fact]
    public void Unquoted_values_with_spaces_concatenate_with_the_spaces_kept()
    {
        var config = Hocon.Parse("a = foo bar  baz\nb = foo \"quoted part\" tail\nc = 10 seconds");
        Assert.Equal("foo bar  baz", config.GetString("a"));
        Assert.Equal("foo quoted part tail", config.GetString("b"));
        Assert.Equal(TimeSpan.FromSeconds(10), config.GetTimeSpan("c"));
    }

    [Fact]
    public void Triple_quoted_strings_span_lines_without_escapes()
    {
        var config = Hocon.Parse("a = \"\"\"line 1\n  \"line\" 2 \\n\"\"\"\nb = \"\"\"x\"\"\"\"\"");
        Assert.Equal("line 1\n  \"line\" 2 \\n", config.GetString("a"));
        Assert.Equal("x\"\"", config.GetString("b"));
    }

    [Fact]
    public void Numbers_are_typed_and_readable_as_numbers()
    {
        var config = Hocon.Parse("i = 42\nn = -7\nd = 0.25\ne = 1e3\nbig = 9000000000");
        Assert.Equal(HoconValueType.Number, config.GetValue("i")!.Type);
        Assert.Equal(42, config.GetInt("i"));
        Assert.Equal(-7, config.GetInt("n"));
        Assert.Equal(0.25, config.GetDouble("d"));
        Assert.Equal(1000.0, config.GetDouble("e"));
        Assert.Equal(9_000_000_000L, config.GetLong("big"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("on", true)]
    [InlineData("off", false)]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData("\"TRUE\"", true)]
    public void Booleans_accept_true_false_on_off_yes_no(string text, bool expected)
    {
        Assert.Equal(expected, Hocon.Parse($"a = {text}").GetBoolean("a", !expected));
    }

    [Fact]
    public void Null_reads_as_missing()
    {
        var config = Hocon.Parse("a = null\nb = \"null\"");
        Assert.Equal(HoconValueType.Null, config.GetValue("a")!.Type);
        Assert.False(config.HasPath("a"));
        Assert.Equal("fallback", config.GetString("a", "fallback"));
        Assert.Equal(5, config.GetInt("a", 5));
        Assert.Equal("null", config.GetString("b"));
    }

    [Fact]
    public void Lists_accept_commas_newlines_and_a_trailing_comma()
    {
        var config = Hocon.Parse("a = [1, 2, 3]\nb = [\n  x\n  y,\n  \"z\",\n]\nc = []\nd = [[1], {k = v}]");
        Assert.Equal(["1", "2", "3"], config.GetStringList("a"));
        Assert.Equal(["x", "y", "z"], config.GetStringList("b"));
        Assert.Empty(config.GetStringList("c"));
        var d = config.GetValue("d")!.GetArray();
        Assert.True(d[0].IsArray);
        Assert.Equal("v", d[1].GetObject().Items["k"].GetString());
    }

    [Fact]
    public void Missing_paths_give_the_defaults()
    {
        var config = Hocon.Parse("a = 1");
        Assert.False(config.HasPath("b.c"));
        Assert.Null(config.GetString("b"));
        Assert.Equal(3, config.GetInt("b", 3));
        Assert.Equal(TimeSpan.FromSeconds(2), config.GetTimeSpan("b", TimeSpan.FromSeconds(2)));
        Assert.True(config.GetConfig("b").IsEmpty);
        Assert.Empty(config.GetStringList("b"));
        Assert.False(config.HasPath("a.x"));
    }

    [Fact]
    public void Reading_a_value_as_the_wrong_type_names_the_path_and_place()
    {
        var config = Hocon.Parse("a {\n  n = abc\n  o { }\n}");
        var notInt = Assert.Throws<ConfigurationException>(() => config.GetInt("a.n"));
        Assert.Equal("test.conf:2:7: a.n: expected an integer, found 'abc'", notInt.Message);
        var notString = Assert.Throws<ConfigurationException>(() => config.GetString("a.o"));
        Assert.Equal("test.conf:3:5: a.o: expected a string, found an object", notString.Message);
        Assert.Throws<ConfigurationException>(() => config.GetConfig("a.n"));
        Assert.Throws<ConfigurationException>(() => config.GetStringList("a.n"));
        Assert.Throws<ConfigurationException>(() => config.GetBoolean("a.n"));
    }

    [Fact]
    public void Empty_document_and_Empty_config_have_no_keys()
    {
        Assert.True(Hocon.Parse("  \n# only a comment\n").IsEmpty);
        Assert.True(Config.Empty.IsEmpty);
        Assert.True(ConfigurationFactory.Empty.IsEmpty);
        Assert.False(Hocon.Parse("a = 1").IsEmpty);
    }

    [Fact]
    public void Crlf_line_endings_are_accepted()
    {
        var config = Hocon.Parse("a = 1\r\nb {\r\n  c = two words\r\n}\r\n");
        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal("two words", config.GetString("b.c"));
    }

    [Fact]
    public void Implicit_conversion_from_string_parses()
    {
        Config config = "a.b = 1";
        Assert.Equal(1, config.GetInt("a.b"));
    }
}
