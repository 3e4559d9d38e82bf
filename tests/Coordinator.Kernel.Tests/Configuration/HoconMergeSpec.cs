using Coordinator.Kernel.Configuration;

namespace Coordinator.Kernel.Tests.Configuration;

public sealed class HoconMergeSpec
{
    [Fact]
    public void A_later_object_merges_into_an_earlier_one()
    {
        var config = Hocon.Parse("a { x = 1, n { p = 1 } }\na { y = 2, n { q = 2 } }");
        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(2, config.GetInt("a.y"));
        Assert.Equal(1, config.GetInt("a.n.p"));
        Assert.Equal(2, config.GetInt("a.n.q"));
    }

    [Fact]
    public void Dotted_keys_merge_into_existing_objects()
    {
        var config = Hocon.Parse("a { x = 1 }\na.y = 2\na.x = 3");
        Assert.Equal(3, config.GetInt("a.x"));
        Assert.Equal(2, config.GetInt("a.y"));
    }

    [Fact]
    public void A_non_object_value_replaces_and_an_object_replaces_a_non_object()
    {
        var config = Hocon.Parse("a { x = 1 }\na = 5\nb = 5\nb { y = 1 }\nc = 1\nc = 2");
        Assert.Equal(5, config.GetInt("a"));
        Assert.False(config.HasPath("b.x"));
        Assert.Equal(1, config.GetInt("b.y"));
        Assert.Equal(2, config.GetInt("c"));
    }

    [Fact]
    public void A_list_is_replaced_not_merged()
    {
        Assert.Equal(["3"], Hocon.Parse("a = [1, 2]\na = [3]").GetStringList("a"));
    }

    [Fact]
    public void Plus_equals_appends_to_a_list_and_creates_it_when_missing()
    {
        var config = Hocon.Parse("a = [1]\na += 2\na += [3]\nb += x");
        Assert.Equal(3, config.GetValue("a")!.GetArray().Count);
        Assert.Equal(["1", "2"], config.GetValue("a")!.GetArray().Take(2).Select(v => v.GetString()));
        Assert.True(config.GetValue("a")!.GetArray()[2].IsArray);
        Assert.Equal(["x"], config.GetStringList("b"));
    }

    [Fact]
    public void WithFallback_fills_missing_keys_and_merges_objects()
    {
        var app = Hocon.Parse("akka.actor.ask-timeout = 5s\nextra = 1");
        var defaults = Hocon.Parse("akka.actor { ask-timeout = 30s, throughput = 30 }\nakka.loglevel = INFO");
        var merged = app.WithFallback(defaults);
        Assert.Equal(TimeSpan.FromSeconds(5), merged.GetTimeSpan("akka.actor.ask-timeout"));
        Assert.Equal(30, merged.GetInt("akka.actor.throughput"));
        Assert.Equal("INFO", merged.GetString("akka.loglevel"));
        Assert.Equal(1, merged.GetInt("extra"));

        // Neither input changes.
        Assert.False(app.HasPath("akka.loglevel"));
        Assert.Equal(TimeSpan.FromSeconds(30), defaults.GetTimeSpan("akka.actor.ask-timeout"));
        Assert.Same(app, app.WithFallback(Config.Empty));
        Assert.Same(defaults, Config.Empty.WithFallback(defaults));
    }
}
