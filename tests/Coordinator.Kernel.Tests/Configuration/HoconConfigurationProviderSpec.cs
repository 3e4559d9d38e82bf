using Coordinator.Kernel.Configuration;
using Microsoft.Extensions.Configuration;

namespace Coordinator.Kernel.Tests.Configuration;

public sealed class HoconConfigurationProviderSpec : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Dotted_paths_become_colon_keys_and_list_elements_get_indexes()
    {
        var path = _dir.Write("app.conf", "a.b.c = 1\nl = [x, y]\nd = 30s\nn = null\nq = \"two words\"");
        var configuration = new ConfigurationBuilder().AddHoconFile(path).Build();
        Assert.Equal("1", configuration["a:b:c"]);
        Assert.Equal("x", configuration["l:0"]);
        Assert.Equal("y", configuration["l:1"]);
        Assert.Equal("30s", configuration["d"]);
        Assert.Null(configuration["n"]);
        Assert.Equal("two words", configuration["q"]);
        Assert.Equal(["a", "d", "l", "n", "q"], configuration.GetChildren().Select(c => c.Key).Order());
    }

    [Fact]
    public void The_real_akka_hocon_loads()
    {
        var configuration = new ConfigurationBuilder().AddHoconFile(RepoPaths.AkkaHocon).Build();
        Assert.Equal("30", configuration["akka:actor:default-dispatcher:throughput"]);
        Assert.Equal("sta", configuration["akka:actor:vss-session-dispatcher:apartment"]);
        Assert.Equal("2s", configuration["coordinator:retry:min-backoff"]);
    }

    [Fact]
    public void Includes_are_relative_to_the_file()
    {
        _dir.Write("conf/base.conf", "a = 1");
        var path = _dir.Write("conf/app.conf", "include \"base.conf\"\nb = ${a}");
        var configuration = new ConfigurationBuilder().AddHoconFile(path).Build();
        Assert.Equal("1", configuration["a"]);
        Assert.Equal("1", configuration["b"]);
    }

    [Fact]
    public void Missing_optional_file_gives_no_keys_and_missing_required_file_throws()
    {
        var missing = Path.Combine(_dir.Path, "missing.conf");
        Assert.Empty(new ConfigurationBuilder().AddHoconFile(missing, optional: true).Build().AsEnumerable());
        Assert.Throws<FileNotFoundException>(() => new ConfigurationBuilder().AddHoconFile(missing).Build());
    }

    [Fact]
    public void A_malformed_file_fails_naming_file_line_and_column()
    {
        var path = _dir.Write("bad.conf", "a {\n  throughput }\n");
        var ex = Assert.Throws<InvalidDataException>(() => new ConfigurationBuilder().AddHoconFile(path).Build());
        var inner = Assert.IsType<HoconParseException>(ex.InnerException);
        Assert.Equal($"{path}:2:14: expected '=' or ':' or '{{' after key \"throughput\", found '}}'", inner.Message);
    }

    [Fact]
    public void Reload_on_change_picks_up_the_new_content()
    {
        var path = _dir.Write("app.conf", "a = 1");
        var configuration = new ConfigurationBuilder().AddHoconFile(path).Build();
        File.WriteAllText(path, "a = 2");
        configuration.Reload();
        Assert.Equal("2", configuration["a"]);
    }

    [Fact]
    public void A_parsed_Config_can_be_added_directly()
    {
        var configuration = new ConfigurationBuilder().AddHocon(ConfigurationFactory.ParseString("x.y = [1, {z = 2}]")).Build();
        Assert.Equal("1", configuration["x:y:0"]);
        Assert.Equal("2", configuration["x:y:1:z"]);
    }
}
