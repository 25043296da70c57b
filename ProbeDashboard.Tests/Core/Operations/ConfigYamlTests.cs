using System.Text.Json.Nodes;
using ProbeDashboard.Core.ConfigTransfer;

namespace ProbeDashboard.Tests.Core.Operations;

public class ConfigYamlTests
{
    [Fact]
    public void Strings_that_look_like_other_types_survive_a_round_trip()
    {
        var document = JsonNode.Parse("""
            {"names": ["yes", "01", "null", "true", "1.5", "", "a: b", "line\nbreak", "@server"],
             "number": 30, "fraction": 1.5, "flag": false, "nothing": null, "empty": [], "nested": {"k": "v"}}
            """)!;

        var back = ConfigYaml.Read(ConfigYaml.Write(document));

        Assert.True(JsonNode.DeepEquals(document, back), back?.ToJsonString());
    }

    [Fact]
    public void Hand_written_yaml_reads_with_plain_scalars_typed()
    {
        var node = ConfigYaml.Read("""
            version: 1
            monitors:
              - name: web   # a comment
                enable: true
                max_latency: 0.5
                keyword: ~
            """)!;

        Assert.Equal(1, node["version"]!.GetValue<long>());
        Assert.True(node["monitors"]![0]!["enable"]!.GetValue<bool>());
        Assert.Equal(0.5, node["monitors"]![0]!["max_latency"]!.GetValue<double>());
        Assert.Equal("web", node["monitors"]![0]!["name"]!.GetValue<string>());
        Assert.Null(node["monitors"]![0]!["keyword"]);
    }

    [Theory]
    [InlineData("monitors: [unclosed")]
    [InlineData("a: 1\n---\nb: 2\n")]
    public void Broken_yaml_is_a_format_error(string yaml) =>
        Assert.Throws<FormatException>(() => ConfigYaml.Read(yaml));
}
