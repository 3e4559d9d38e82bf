using Coordinator.Kernel.Configuration;

namespace Coordinator.Kernel.Tests.Configuration;

public sealed class HoconJsonSupersetSpec
{
    [Fact]
    public void A_json_document_parses_to_the_same_data()
    {
        const string json = """
            {
              "name": "coordinator",
              "version": 2,
              "ratio": -0.5e-2,
              "enabled": true,
              "missing": null,
              "volumes": [
                "C:\\",
                { "letter": "D", "size": 1024 }
              ],
              "nested": {
                "deep":
                  { "x": "a \"quoted\" \u00e9 value" }
              }
            }
            """;

        var config = Hocon.Parse(json);

        Assert.Equal("coordinator", config.GetString("name"));
        Assert.Equal(2, config.GetInt("version"));
        Assert.Equal(-0.005, config.GetDouble("ratio"), 10);
        Assert.True(config.GetBoolean("enabled"));
        Assert.False(config.HasPath("missing"));
        var volumes = config.GetValue("volumes")!.GetArray();
        Assert.Equal("C:\\", volumes[0].GetString());
        Assert.Equal("1024", volumes[1].GetObject().Items["size"].GetString());
        Assert.Equal("a \"quoted\" \u00e9 value", config.GetString("nested.deep.x"));
    }
}
