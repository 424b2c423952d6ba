using System.Text;
using System.Text.RegularExpressions;
using HaIngestor.Domain.Devices;

namespace HaIngestor.Domain.Tests.Devices;

public sealed partial class BridgeDevicesParserTests
{
    private static BridgeDevicesParseResult Parse(string json) => BridgeDevicesParser.Parse(Encoding.UTF8.GetBytes(json));

    private static string Device(string ieee, string exposes = "[]", string extra = "") =>
        $$$"""{"ieee_address":"{{{ieee}}}","friendly_name":"dev {{{ieee}}}","type":"Router","supported":true,"disabled":false,"interview_state":"SUCCESSFUL"{{{extra}}},"definition":{"model":"M","vendor":"V","description":"D","exposes":{{{exposes}}}}}""";

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"ieee_address\":\"0x1\"}")]
    [InlineData("42")]
    [InlineData("\"[]\"")]
    public void A_payload_that_is_not_a_json_array_gives_one_error_and_no_devices(string json)
    {
        var result = Parse(json);

        Assert.Empty(result.Devices);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void An_empty_array_is_an_empty_network()
    {
        var result = Parse("[]");

        Assert.Empty(result.Devices);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void A_device_without_ieee_address_is_an_error_and_the_others_still_parse()
    {
        var result = Parse($$"""[{{Device("0x01")}},{"friendly_name":"nameless"},7,{{Device("0x02")}}]""");

        Assert.Equal(["0x01", "0x02"], result.Devices.Select(d => d.IeeeAddress));
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains("#1", result.Errors[0].Message);
        Assert.Contains("#2", result.Errors[1].Message);
    }

    [Fact]
    public void Missing_optional_fields_fall_back_to_zigbee2mqtt_defaults()
    {
        var result = Parse("""[{"ieee_address":"0xab","interviewing":true},{"ieee_address":"0xcd","interview_completed":true,"definition":null},{"ieee_address":"0xef","definition":{"exposes":[]}}]""");

        Assert.Empty(result.Errors);
        var (first, second, third) = (result.Devices[0], result.Devices[1], result.Devices[2]);
        Assert.Equal(("0xab", "Unknown", false, false, "IN_PROGRESS"), (first.FriendlyName, first.Type, first.Supported, first.Disabled, first.InterviewState));
        Assert.Equal(("SUCCESSFUL", null), (second.InterviewState, second.Model));
        Assert.Equal("FAILED", third.InterviewState);
    }

    [Fact]
    public void Unknown_expose_type_is_kept_with_its_raw_json()
    {
        var result = Parse($$"""[{{Device("0x01", """[{"type":"gizmo","name":"g","property":"gp","access":1,"features":[{"type":"numeric"}]},{"name":"no_type","property":"nt"}]""")}}]""");

        var features = Assert.Single(result.Devices).Features;
        Assert.Equal(2, features.Count);
        Assert.Equal(("g", "gp", "unknown"), (features[0].Path, features[0].StatePath, features[0].Type));
        Assert.Contains("\"gizmo\"", features[0].RawJson);
        Assert.Equal(("nt", "unknown"), (features[1].Property, features[1].Type));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Odd_field_types_are_read_leniently()
    {
        const string exposes = """
            [{"type":"numeric","name":"n","property":"n","access":"7","value_min":"0","value_max":null,"unit":5,"presets":"none"},
             {"type":"enum","name":"e","property":"e","access":3,"values":[1,"two",true,null,{"k":"v"},[1]]},
             {"type":"binary","name":"b","property":"b","access":1.5,"value_on":{"x":1},"value_off":[0]},
             {"type":"light","features":{"not":"an array"}},
             {"type":"composite","name":"c","property":"c","access":0},
             "a string expose", 12, null]
            """;

        var device = Assert.Single(Parse($"[{Device("0x01", exposes)}]").Devices);

        Assert.Equal(["n", "e", "b", "c"], device.Features.Select(f => f.Path));
        var (n, e, b, c) = (device.Features[0], device.Features[1], device.Features[2], device.Features[3]);
        Assert.Equal((0, null, null, null, null), (n.Access.Bits, n.Min, n.Max, n.Unit, n.Presets));
        Assert.Equal(["1", "two", "true", "null", "{\"k\":\"v\"}", "[1]"], e.Values);
        Assert.Equal((0, "{\"x\":1}", "[0]"), (b.Access.Bits, b.ValueOn, b.ValueOff));
        Assert.Equal(("composite", 0), (c.Type, c.Access.Bits));
    }

    [Fact]
    public void Nested_features_give_dotted_paths_and_property_paths_at_any_depth()
    {
        const string exposes = """
            [{"type":"climate","endpoint":"z1","features":[
               {"type":"composite","name":"outer","property":"o","access":0,"features":[
                 {"type":"composite","name":"inner","property":"i","access":7,"features":[
                   {"type":"numeric","name":"leaf","property":"lf","access":7},
                   {"type":"list","name":"items","property":"its","access":3,"item_type":{"type":"composite","name":"it","features":[{"type":"text","name":"t"}]}}]}]}]}]
            """;

        var features = Assert.Single(Parse($"[{Device("0x01", exposes)}]").Devices).Features;

        Assert.Equal(["outer.inner.leaf", "outer.inner.items"], features.Select(f => f.Path));
        Assert.Equal(["o.i.lf", "o.i.its"], features.Select(f => f.StatePath));
        Assert.All(features, f => Assert.Equal(("climate", "z1"), (f.Container, f.Endpoint)));
        Assert.Equal(("list", "composite"), (features[1].Type, features[1].ItemType));
    }

    [Fact]
    public void Exposes_nested_beyond_the_limit_make_that_device_an_error()
    {
        var deep = new StringBuilder();
        for (var i = 0; i < BridgeDevicesParser.MaxExposeNesting + 5; i++)
        {
            deep.Append("""{"type":"composite","name":"c","property":"c","features":[""");
        }

        deep.Append("""{"type":"numeric","name":"n","property":"n"}""");
        for (var i = 0; i < BridgeDevicesParser.MaxExposeNesting + 5; i++)
        {
            deep.Append("]}");
        }

        var result = Parse($"[{Device("0x01")},{Device("0x02", $"[{deep}]")},{Device("0x03")}]");

        Assert.Equal(["0x01", "0x03"], result.Devices.Select(d => d.IeeeAddress));
        Assert.Equal("0x02", Assert.Single(result.Errors).IeeeAddress);
    }

    [Fact]
    public void Json_nested_beyond_the_reader_limit_keeps_the_devices_before_it()
    {
        var tooDeep = new string('[', BridgeDevicesParser.MaxJsonDepth + 10) + new string(']', BridgeDevicesParser.MaxJsonDepth + 10);

        var result = Parse($"[{Device("0x01")},{Device("0x02", extra: $",\"x\":{tooDeep}")}]");

        Assert.Equal("0x01", Assert.Single(result.Devices).IeeeAddress);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void Definition_options_are_settings_not_features()
    {
        const string json = """[{"ieee_address":"0x01","definition":{"exposes":[{"type":"numeric","name":"a","property":"a","access":1}],"options":[{"type":"numeric","name":"opt","property":"opt","access":2}]}}]""";

        Assert.Equal(["a"], Assert.Single(Parse(json).Devices).Features.Select(f => f.Path));
    }

    [Fact]
    public void A_byte_order_mark_and_escaped_text_are_accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""[{"ieee_address":"0x01","friendly_name":"Sal\u00f3n/\"lamp\""}]""")).ToArray();

        var device = Assert.Single(BridgeDevicesParser.Parse(bytes).Devices);

        Assert.Equal("Salón/\"lamp\"", device.FriendlyName);
    }

    [Fact]
    public void A_lone_surrogate_in_a_name_is_an_error_for_that_device_only()
    {
        var result = Parse($$"""[{"ieee_address":"0x01","friendly_name":"bad \ud800 name"},{{Device("0x02")}}]""");

        Assert.Equal("0x02", Assert.Single(result.Devices).IeeeAddress);
        Assert.Equal("0x01", Assert.Single(result.Errors).IeeeAddress);
    }

    [Fact]
    public void A_repeated_ieee_address_is_an_error_and_the_first_device_stays()
    {
        var result = Parse($$"""[{{Device("0x01")}},{"ieee_address":"0x01","friendly_name":"copy"},{{Device("0x02")}}]""");

        Assert.Equal([("0x01", "dev 0x01"), ("0x02", "dev 0x02")], result.Devices.Select(d => (d.IeeeAddress, d.FriendlyName)));
        var error = Assert.Single(result.Errors);
        Assert.Equal("0x01", error.IeeeAddress);
        Assert.Contains("#1", error.Message);
    }

    [Fact]
    public void Trailing_content_after_the_array_is_reported_but_the_devices_stay()
    {
        var result = Parse($"[{Device("0x01")}] trailing");

        Assert.Single(result.Devices);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void Five_thousand_devices_parse_completely()
    {
        var elements = Z2mSample.CompactDeviceElements();
        var list = new StringBuilder("[");
        for (var i = 0; i < 5000; i++)
        {
            // A real network has one ieee address per device (binding targets in the copy may take it too; they are not read).
            var copy = IeeeAddress().Replace(elements[i % elements.Count], $"\"ieee_address\":\"0x{i:x16}\"");
            list.Append(i == 0 ? "" : ",").Append(copy);
        }

        var result = BridgeDevicesParser.Parse(Encoding.UTF8.GetBytes(list.Append(']').ToString()));

        Assert.Equal(5000, result.Devices.Count);
        Assert.Empty(result.Errors);
    }

    [GeneratedRegex("\"ieee_address\":\"[^\"]*\"")]
    private static partial Regex IeeeAddress();
}
