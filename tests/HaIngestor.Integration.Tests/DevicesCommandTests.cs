using System.Text.Json;
using HaIngestor.Daemon.Cli;

namespace HaIngestor.Integration.Tests;

/// <summary>The <c>devices</c> verb on the shared Zigbee2MQTT sample (../shared/data/z2m), run in-process.</summary>
public sealed class DevicesCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("haingestor-devices-").FullName;

    private static string SampleFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "z2m", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"no shared/data/z2m/{name} above {AppContext.BaseDirectory}");
    }

    private static (int Code, JsonElement Json, string Errors) RunJson(string? statesFile)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = DevicesCommand.Run(
            new FileInfo(SampleFile("bridge_devices_sample.json")),
            statesFile is null ? null : new FileInfo(statesFile),
            json: true,
            "zigbee2mqtt",
            output,
            errors);
        using var document = JsonDocument.Parse(output.ToString());
        return (code, document.RootElement.Clone(), errors.ToString());
    }

    private static JsonElement Device(JsonElement json, string friendlyName) =>
        json.GetProperty("devices").EnumerateArray().Single(d => d.GetProperty("friendly_name").GetString() == friendlyName);

    private static List<string> Paths(JsonElement device) =>
        device.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).ToList();

    [Fact]
    public void History_counts_device_usage_by_origin_and_utilisation_over_the_window_ending_with_its_last_day()
    {
        var history = Path.Combine(_directory, "events.jsonl");
        File.WriteAllLines(history,
        [
            """{"time":"2025-01-10T18:00:00Z","entity_id":"light.bedroom_pendant_2","state":"off","attributes":{"brightness":null}}""",
            """{"time":"2025-01-10T18:01:00Z","entity_id":"light.bedroom_pendant_2","state":"on","old_state":"off","attributes":{"brightness":200}}""",
            """{"time":"2025-01-10T18:02:00Z","entity_id":"light.bedroom_pendant_2","state":"on","old_state":"on","context":{"user_id":"u"},"attributes":{"brightness":90}}""",
            """{"time":"2025-03-01T18:00:00Z","entity_id":"light.bedroom_pendant_2","state":"off","old_state":"on","context":{"parent_id":"p"},"attributes":{"brightness":null}}""",
            """{"time":"2025-03-01T18:05:00Z","entity_id":"sensor.office_pir_illuminance","state":"30","old_state":"12"}""",
            """not json""",
        ]);
        var output = new StringWriter();
        var errors = new StringWriter();

        var code = DevicesCommand.Run(
            new FileInfo(SampleFile("bridge_devices_sample.json")), null, new FileInfo(history),
            new DeviceUsageOptions(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), 30, 90), json: true, "zigbee2mqtt", output, errors);

        Assert.Equal(3, code);
        Assert.Contains("events.jsonl:line 6:", errors.ToString(), StringComparison.Ordinal);
        using var document = JsonDocument.Parse(output.ToString());
        var usage = Device(document.RootElement, "bedroom/pendant_2").GetProperty("usage");
        var state = usage.GetProperty("features").GetProperty("state").GetProperty("by_origin");
        Assert.Equal((1, 1, 2), (state.GetProperty("human").GetInt32(), state.GetProperty("automation").GetInt32(), state.GetProperty("total").GetInt32()));
        Assert.Equal(1, usage.GetProperty("features").GetProperty("brightness").GetProperty("by_origin").GetProperty("human").GetInt32());
        // Ever: state and brightness used; in the 30 days up to 1 March only the state (switched off by an automation).
        Assert.Equal(2, usage.GetProperty("used").GetInt32());
        var window = usage.GetProperty("window");
        Assert.Equal(("2025-01-31", "2025-03-02"), (window.GetProperty("from").GetString(), window.GetProperty("to").GetString()));
        Assert.Equal(1, window.GetProperty("used").GetInt32());
        Assert.Contains("brightness", window.GetProperty("unused").EnumerateArray().Select(u => u.GetString()));
        var sensor = Device(document.RootElement, "Office Pir").GetProperty("usage").GetProperty("by_origin");
        Assert.Equal(1, sensor.GetProperty("device").GetInt32());
        var read = document.RootElement.GetProperty("usage").GetProperty("history");
        Assert.Equal((5, 5, 0, 1), (read.GetProperty("lines").GetInt32(), read.GetProperty("device_lines").GetInt32(), read.GetProperty("other_lines").GetInt32(), read.GetProperty("skipped_lines").GetInt32()));
    }

    [Fact]
    public void The_sample_lists_every_device_with_leaf_features_and_no_errors()
    {
        var (code, json, errors) = RunJson(SampleFile("device_states_sample.jsonl"));

        Assert.Equal(0, code);
        Assert.Equal("", errors);
        Assert.Equal(0, json.GetProperty("errors").GetArrayLength());
        var summary = json.GetProperty("summary");
        Assert.Equal(301, summary.GetProperty("devices").GetInt32());
        var devices = json.GetProperty("devices").EnumerateArray().ToList();
        Assert.Equal(301, devices.Count);
        var features = summary.GetProperty("features").GetInt32();
        Assert.Equal(devices.Sum(d => d.GetProperty("features").GetArrayLength()), features);
        Assert.Equal(features, summary.GetProperty("by_type").EnumerateObject().Sum(t => t.Value.GetInt32()));
        Assert.DoesNotContain("composite", summary.GetProperty("by_type").EnumerateObject().Select(t => t.Name));

        // Counted by hand from the sample's exposes: a composite counts its leaves, not itself.
        var pendant = Device(json, "bedroom/pendant_2");
        Assert.Equal(
            ["state", "brightness", "color_temp", "color_temp_startup", "color_xy.x", "color_xy.y", "color_hs.hue", "color_hs.saturation", "effect", "linkquality"],
            Paths(pendant));
        var colourX = pendant.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("path").GetString() == "color_xy.x");
        Assert.Equal("color.x", colourX.GetProperty("state_path").GetString());
        var brightness = pendant.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("path").GetString() == "brightness");
        Assert.True(brightness.GetProperty("access").GetProperty("set").GetBoolean());
        Assert.Equal(254, brightness.GetProperty("max").GetDouble());
        Assert.Equal("controllable", brightness.GetProperty("role").GetString());
        Assert.Equal(11, Device(json, "garage_door_lock").GetProperty("features").GetArrayLength());
        Assert.Equal(6, Device(json, "basement_led_controller").GetProperty("features").GetArrayLength());
        Assert.Equal("IHC-Enki", Device(json, "trv_8").GetProperty("model").GetString());
        Assert.True(Device(json, "trv_8").GetProperty("supported").GetBoolean());

        // One message per device: values are known, nothing was used yet.
        var spot = Device(json, "Kitchen Spot").GetProperty("usage");
        Assert.Equal("ON", spot.GetProperty("features").GetProperty("state").GetProperty("last_value").GetString());
        Assert.Equal(207, spot.GetProperty("features").GetProperty("brightness").GetProperty("last_value").GetInt32());
        Assert.Equal(0, spot.GetProperty("used").GetInt32());
        Assert.Equal(23, json.GetProperty("usage").GetProperty("state_messages").GetInt32());
    }

    [Fact]
    public void Replayed_changes_show_up_as_usage_and_utilisation()
    {
        var states = Path.Combine(_directory, "states.jsonl");
        File.WriteAllLines(states,
        [
            """{"topic":"zigbee2mqtt/Kitchen Spot","payload":{"state":"OFF","brightness":100}}""",
            """{"topic":"zigbee2mqtt/Kitchen Spot","payload":{"state":"ON","brightness":100}}""",
            """{"topic":"zigbee2mqtt/Kitchen Spot","payload":{"state":"OFF"}}""",
            """{"topic":"zigbee2mqtt/nobody","payload":{"state":"OFF"}}""",
        ]);

        var (code, json, errors) = RunJson(states);

        Assert.Equal(3, code);
        Assert.Contains("names no device", errors);
        var usage = Device(json, "Kitchen Spot").GetProperty("usage");
        Assert.Equal(2, usage.GetProperty("features").GetProperty("state").GetProperty("changes").GetInt32());
        Assert.Equal(0, usage.GetProperty("features").GetProperty("brightness").GetProperty("changes").GetInt32());
        Assert.Equal(1, usage.GetProperty("used").GetInt32());
        var controllable = usage.GetProperty("controllable").GetInt32();
        Assert.Equal(Math.Round(1.0 / controllable, 4), usage.GetProperty("utilisation").GetDouble());
        Assert.Contains("brightness", usage.GetProperty("unused").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(1, json.GetProperty("usage").GetProperty("used").GetInt32());
    }

    [Fact]
    public void A_state_line_whose_topic_is_not_valid_text_is_skipped_and_the_others_replay()
    {
        var states = Path.Combine(_directory, "states.jsonl");
        File.WriteAllLines(states,
        [
            """{"topic":"zigbee2mqtt/Kitchen Spot","payload":{"state":"OFF"}}""",
            """{"topic":"zigbee2mqtt/\ud800","payload":{"state":"ON"}}""",
            """{"topic":"zigbee2mqtt/Kitchen Spot","payload":{"state":"ON"}}""",
        ]);

        var (code, json, errors) = RunJson(states);

        Assert.Equal(3, code);
        Assert.Contains("states.jsonl:2: not a {\"topic\",\"payload\"} object", errors, StringComparison.Ordinal);
        Assert.Equal(2, json.GetProperty("usage").GetProperty("state_messages").GetInt32());
        Assert.Equal(1, Device(json, "Kitchen Spot").GetProperty("usage").GetProperty("features").GetProperty("state").GetProperty("changes").GetInt32());
    }

    [Fact]
    public void A_device_list_repeating_an_ieee_address_is_reported_and_usage_still_counts()
    {
        var devices = Path.Combine(_directory, "devices.json");
        File.WriteAllText(devices, """[{"ieee_address":"0x01","friendly_name":"lamp"},{"ieee_address":"0x01","friendly_name":"lamp copy"}]""");
        var states = Path.Combine(_directory, "states.jsonl");
        File.WriteAllLines(states, ["""{"topic":"zigbee2mqtt/lamp","payload":{"state":"ON"}}"""]);
        var output = new StringWriter();

        var code = DevicesCommand.Run(new FileInfo(devices), new FileInfo(states), json: true, "zigbee2mqtt", output, new StringWriter());

        Assert.Equal(3, code);
        using var document = JsonDocument.Parse(output.ToString());
        Assert.Equal("lamp", Assert.Single(document.RootElement.GetProperty("devices").EnumerateArray()).GetProperty("friendly_name").GetString());
        Assert.Contains("repeats the ieee_address", Assert.Single(document.RootElement.GetProperty("errors").EnumerateArray()).GetProperty("message").GetString());
        Assert.Equal(1, document.RootElement.GetProperty("usage").GetProperty("state_messages").GetInt32());
    }

    [Fact]
    public void The_table_names_every_device()
    {
        var output = new StringWriter();

        var code = DevicesCommand.Run(new FileInfo(SampleFile("bridge_devices_sample.json")), null, json: false, "zigbee2mqtt", output, new StringWriter());

        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.StartsWith("301 devices, ", text);
        Assert.Contains("garage_door_lock", text);
        Assert.Contains("IHC-Enki", text);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
