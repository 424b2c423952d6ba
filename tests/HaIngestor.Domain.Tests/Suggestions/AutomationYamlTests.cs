using System.Text.Json.Nodes;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Suggestions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HaIngestor.Domain.Tests.Suggestions;

public sealed class AutomationYamlTests
{
    /// <summary>Reads YAML back the way a YAML 1.1 reader such as HA's would type plain scalars.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p =>
            KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, ToJson(p.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } plain => plain.Value switch
        {
            "true" or "True" or "yes" or "on" => JsonValue.Create(true),
            "false" or "False" or "no" or "off" => JsonValue.Create(false),
            "null" or "~" or "" => null,
            var text when double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            var text => JsonValue.Create(text),
        },
        YamlScalarNode quoted => JsonValue.Create(quoted.Value),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static JsonNode? Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return ToJson(stream.Documents.Single().RootNode);
    }

    [Fact]
    public void An_automation_reads_back_as_the_same_json()
    {
        var automation = AutomationBuilder.Build(
            Routines.At("light.kitchen_ceiling", "on", 7, 0, DaySelection.Weekdays),
            "ha_ingestor_0123abcd",
            "Turn on Kitchen Ceiling at 07:00 on weekdays",
            "Seen on 18 of 20 weekdays: \"on\" by hand, #1 routine")!;

        var yaml = AutomationYaml.ToYaml(automation);

        Assert.True(JsonNode.DeepEquals(automation, Parse(yaml)), yaml);
        Assert.Contains("at: \"07:00:00\"", yaml);
        Assert.StartsWith("id: ha_ingestor_0123abcd\nalias: ", yaml);
        Assert.Contains("triggers:\n  - trigger: time\n", yaml);
        Assert.Contains("actions:\n  - action: light.turn_on\n    target:\n      entity_id: light.kitchen_ceiling\n", yaml);
    }

    [Fact]
    public void Empty_lists_and_nested_data_read_back()
    {
        var automation = AutomationBuilder.Build(Routines.At("climate.office", "heat", 6, 15), "x", "a", "d")!;

        var yaml = AutomationYaml.ToYaml(automation);

        Assert.Contains("conditions: []\n", yaml);
        Assert.True(JsonNode.DeepEquals(automation, Parse(yaml)), yaml);
    }

    [Theory]
    [InlineData("on")]
    [InlineData("Off")]
    [InlineData("yes")]
    [InlineData("NO")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("123")]
    [InlineData("1e3")]
    [InlineData("0x1F")]
    [InlineData("2025-01-01")]
    [InlineData("07:00")]
    [InlineData("-dash")]
    [InlineData("a: b")]
    [InlineData("a #comment")]
    [InlineData("[list]")]
    [InlineData("{map}")]
    [InlineData("*alias")]
    [InlineData("&anchor")]
    [InlineData("!tag")]
    [InlineData("'single'")]
    [InlineData("\"double\"")]
    [InlineData("back\\slash")]
    [InlineData("line\nbreak\ttab")]
    [InlineData(" padded ")]
    [InlineData("")]
    [InlineData("Dormitorio de Ordóñez ☀")]
    [InlineData("plain words stay plain")]
    public void Any_string_survives_the_round_trip_as_a_string(string text)
    {
        var json = new JsonObject
        {
            ["alias"] = text,
            ["list"] = new JsonArray(text, 1, true),
            [text.Length == 0 ? "empty" : text] = new JsonObject { ["nested"] = text },
        };

        var yaml = AutomationYaml.ToYaml(json);

        Assert.True(JsonNode.DeepEquals(json, Parse(yaml)), yaml);
    }
}
