using System.Text;
using HaIngestor.Domain.Devices;

namespace HaIngestor.Domain.Tests.Devices;

public sealed class DeviceStatePayloadTests
{
    private static IReadOnlyDictionary<string, string> Flatten(string json)
    {
        Assert.True(DeviceStatePayload.TryFlatten(Encoding.UTF8.GetBytes(json), out var values, out var error), error);
        Assert.Null(error);
        return values;
    }

    [Fact]
    public void Nested_objects_flatten_with_dots_and_values_keep_their_json_form()
    {
        var values = Flatten("""{"state":"ON","brightness":254,"color":{"x":0.3,"y":0.31,"hs":{"hue":10}},"on":true,"none":null,"alarms":[ "a", 1 ],"empty":{}}""");

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["state"] = "\"ON\"",
                ["brightness"] = "254",
                ["color.x"] = "0.3",
                ["color.y"] = "0.31",
                ["color.hs.hue"] = "10",
                ["on"] = "true",
                ["none"] = "null",
                ["alarms"] = "[\"a\",1]",
                ["empty"] = "{}",
            },
            values);
    }

    [Fact]
    public void Escaped_and_literal_text_give_the_same_value()
    {
        var escaped = Flatten("""{"room":"Sal\u00f3n \"1\""}""");
        var literal = Flatten("{\"room\":\"Salón \\\"1\\\"\"}");

        Assert.Equal("\"Salón \\\"1\\\"\"", escaped["room"]);
        Assert.Equal(escaped["room"], literal["room"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ON")]
    [InlineData("[1,2]")]
    [InlineData("\"ON\"")]
    [InlineData("{\"state\":")]
    [InlineData("{\"a\":1} {\"b\":2}")]
    [InlineData("{\"bad\":\"\\ud800\"}")]
    public void Anything_but_one_json_object_is_refused_with_a_reason(string payload)
    {
        Assert.False(DeviceStatePayload.TryFlatten(Encoding.UTF8.GetBytes(payload), out var values, out var error));
        Assert.Empty(values);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Every_line_of_the_state_sample_flattens_to_the_keys_of_its_payload()
    {
        var messages = Z2mSample.StateMessages();

        Assert.Equal(23, messages.Count);
        foreach (var (_, payload) in messages)
        {
            var values = Flatten(Encoding.UTF8.GetString(payload));
            Assert.Contains("linkquality", values.Keys);
        }

        var pendant = Flatten(Encoding.UTF8.GetString(messages.Single(m => m.FriendlyName == "bedroom/pendant_2").Payload));
        Assert.Equal(("0.549", "\"OFF\"", "\"idle\""), (pendant["color.x"], pendant["state"], pendant["update.state"]));
    }

    [Theory]
    [InlineData("linkquality", true)]
    [InlineData("last_seen", true)]
    [InlineData("update", true)]
    [InlineData("update.state", true)]
    [InlineData("updated", false)]
    [InlineData("state", false)]
    public void Housekeeping_keys_are_recognised(string key, bool ignored) =>
        Assert.Equal(ignored, DeviceStatePayload.IsIgnoredKey(key));
}
