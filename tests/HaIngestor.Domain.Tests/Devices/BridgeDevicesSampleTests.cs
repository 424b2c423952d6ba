using HaIngestor.Domain.Devices;

namespace HaIngestor.Domain.Tests.Devices;

/// <summary>The 301-device sample: counts from its README and devices checked by hand against the JSON.</summary>
public sealed class BridgeDevicesSampleTests
{
    [Fact]
    public void Every_device_of_the_sample_parses_without_error()
    {
        var result = Z2mSample.Devices;

        Assert.Empty(result.Errors);
        Assert.Equal(301, result.Devices.Count);
        Assert.Equal(301, result.Devices.Select(d => d.IeeeAddress).Distinct().Count());
    }

    [Fact]
    public void Device_fields_match_the_readme_counts()
    {
        var devices = Z2mSample.Devices.Devices;

        var byType = devices.GroupBy(d => d.Type).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["Router"] = 196, ["EndDevice"] = 100, ["GreenPower"] = 3, ["Coordinator"] = 1, ["Unknown"] = 1 }, byType);
        Assert.Equal(295, devices.Count(d => d.Supported));
        Assert.Equal(7, devices.Count(d => d.Disabled));
        Assert.Equal(3, devices.Count(d => d.Model is null));
    }

    [Fact]
    public void Leaf_features_match_the_readme_counts()
    {
        var features = Z2mSample.Devices.Devices.SelectMany(d => d.Features).ToList();

        // README: 3,193 leaves, 30 of which sit inside list item_types; a list is one feature here, and there are 16.
        Assert.Equal(3193 - 30 + 16, features.Count);
        var byType = features.GroupBy(f => f.Type).ToDictionary(g => g.Key, g => g.Count());
        // README node counts minus the leaves inside item_types (enum 8, text 3, numeric 17, binary 2).
        Assert.Equal(new Dictionary<string, int> { ["numeric"] = 1596, ["enum"] = 846, ["binary"] = 535, ["text"] = 186, ["list"] = 16 }, byType);
        Assert.Equal(new[] { "composite", "enum", "text" }, features.Where(f => f.Type == "list").Select(f => f.ItemType!).Distinct().Order());
        Assert.DoesNotContain(features, f => f.Type == "unknown");
    }

    [Fact]
    public void Binary_values_keep_their_json_type()
    {
        var binaries = Z2mSample.Devices.Devices.SelectMany(d => d.Features).Where(f => f.Type == "binary").ToList();

        Assert.All(binaries, b => Assert.NotNull(b.ValueOn));
        // README: 283 string value_on and 254 boolean across all nodes; two boolean binaries sit inside list item types.
        Assert.Equal(283, binaries.Count(b => b.ValueOn!.StartsWith('"')));
        Assert.Equal(252, binaries.Count(b => b.ValueOn is "true" or "false"));
        Assert.Equal(5, binaries.Count(b => b.ValueOn == "false" && b.ValueOff == "true"));
    }

    [Fact]
    public void Coordinator_and_unfinished_interviews_have_no_features()
    {
        var coordinator = Z2mSample.Device("Coordinator");
        var inProgress = Z2mSample.Device("0xa4c1380c6e9d55f1");
        var pending = Z2mSample.Device("0xa4c138f1d2e3b4a5");

        Assert.Equal(("Coordinator", "SUCCESSFUL"), (coordinator.Type, coordinator.InterviewState));
        Assert.Equal(("IN_PROGRESS", "PENDING"), (inProgress.InterviewState, pending.InterviewState));
        Assert.All(new[] { coordinator, inProgress, pending }, d =>
        {
            Assert.Empty(d.Features);
            Assert.Null(d.Model);
        });
        Assert.Equal(3, Z2mSample.Devices.Devices.Count(d => d.Features.Count == 0));
    }

    [Fact]
    public void Failed_interview_keeps_its_generated_definition()
    {
        var failed = Z2mSample.Device("0x385b44fffe0a11d2");

        Assert.Equal("FAILED", failed.InterviewState);
        Assert.False(failed.Supported);
        Assert.Equal("", failed.Model);
        Assert.Equal("Automatically generated definition", failed.Description);
        Assert.Equal("linkquality", Assert.Single(failed.Features).Property);
    }

    [Fact]
    public void Colour_light_flattens_to_state_brightness_colour_temperature_and_colour_members()
    {
        var light = Z2mSample.Device("bedroom/pendant_2");

        Assert.Equal(("GL-G-101P", "0x90fd9faf00b697b3", "Router"), (light.Model, light.IeeeAddress, light.Type));
        Assert.Equal(
            ["state", "brightness", "color_temp", "color_temp_startup", "color_xy.x", "color_xy.y", "color_hs.hue", "color_hs.saturation", "effect", "linkquality"],
            light.Features.Select(f => f.Path));
        Assert.Equal(
            ["state", "brightness", "color_temp", "color_temp_startup", "color.x", "color.y", "color.hue", "color.saturation", "effect", "linkquality"],
            light.Features.Select(f => f.StatePath));

        var state = light.Features[0];
        Assert.Equal(("binary", "light", 7), (state.Type, state.Container, state.Access.Bits));
        Assert.Equal(("\"ON\"", "\"OFF\"", "\"TOGGLE\""), (state.ValueOn, state.ValueOff, state.ValueToggle));

        var x = light.Features[4];
        Assert.Equal(("x", "numeric", "light"), (x.Property, x.Type, x.Container));
        Assert.Equal(new FeatureAccess(true, true, true), x.Access);

        var colourTemp = light.Features[2];
        Assert.Equal(("mired", 150.0, 500.0), (colourTemp.Unit, colourTemp.Min, colourTemp.Max));
        Assert.Equal(["coolest", "cool", "neutral", "warm", "warmest"], colourTemp.Presets!.Select(p => p.Name));
        Assert.Equal("454", colourTemp.Presets![3].Value);

        var effect = light.Features[8];
        Assert.Equal(("enum", null, FeatureRole.Controllable), (effect.Type, effect.Container, effect.Role));
        Assert.Equal(new FeatureAccess(false, true, false), effect.Access);
        Assert.Equal(["blink", "breathe", "okay", "channel_change", "finish_effect", "stop_effect", "colorloop", "stop_colorloop"], effect.Values);

        var linkquality = light.Features[9];
        Assert.Equal(("diagnostic", FeatureRole.Diagnostic, "lqi"), (linkquality.Category, linkquality.Role, linkquality.Unit));
    }

    [Fact]
    public void Three_gang_switch_has_one_state_per_endpoint()
    {
        var plug = Z2mSample.Device("Sypialnia/Steckdose_2");

        Assert.Equal("KS-604S", plug.Model);
        var states = plug.Features.Where(f => f.Path == "state").ToList();
        Assert.Equal(["state_l1", "state_l2", "state_l3"], states.Select(f => f.Property));
        Assert.Equal(["l1", "l2", "l3"], states.Select(f => f.Endpoint!));
        Assert.All(states, s => Assert.Equal(("switch", 7), (s.Container, s.Access.Bits)));

        var countdown = plug.Features.Single(f => f.Property == "countdown_l2");
        Assert.Equal(("countdown", "l2", null), (countdown.Path, countdown.Endpoint, countdown.Container));
        Assert.Equal((0.0, 43200.0, 1.0, "s"), (countdown.Min, countdown.Max, countdown.Step, countdown.Unit));

        var outageMemory = plug.Features.Single(f => f.Property == "power_outage_memory");
        Assert.Equal(FeatureRole.Configuration, outageMemory.Role);
        Assert.Equal(9, plug.Features.Count);
    }

    [Fact]
    public void Thermostat_schedule_lists_sit_under_their_composite()
    {
        var thermostat = Z2mSample.Device("terrace_thermostat");

        var dayOfWeek = thermostat.Features.Single(f => f.Path == "schedule.dayofweek");
        Assert.Equal(("weekly_schedule.dayofweek", "list", "composite", "climate"), (dayOfWeek.StatePath, dayOfWeek.Type, dayOfWeek.ItemType, dayOfWeek.Container));
        Assert.Equal(new FeatureAccess(false, true, false), dayOfWeek.Access);

        var transitions = thermostat.Features.Single(f => f.Path == "schedule.transitions");
        Assert.Equal("weekly_schedule.transitions", transitions.StatePath);

        var systemMode = thermostat.Features.Single(f => f.Path == "system_mode");
        Assert.Equal(["off", "heat", "cool"], systemMode.Values);
        // Nothing of the list's item type leaks out as a feature of its own.
        Assert.DoesNotContain(thermostat.Features, f => f.Path.Contains("day.day") || f.Property is "hour" or "minute");
    }

    [Fact]
    public void Contact_sensor_reports_contact_with_reversed_boolean_values()
    {
        var sensor = Z2mSample.Device("laundry/door_sensor");

        var contact = sensor.Features[0];
        Assert.Equal(("contact", "binary", 1), (contact.Property, contact.Type, contact.Access.Bits));
        Assert.Equal(("false", "true"), (contact.ValueOn, contact.ValueOff));
        var breakTimeout = sensor.Features.Single(f => f.Property == "break_function_timeout");
        Assert.Equal(("disable", "null"), (breakTimeout.Presets![0].Name, breakTimeout.Presets[0].Value));
        Assert.Equal(8, sensor.Features.Count);
    }

    [Fact]
    public void Light_on_a_named_endpoint_nests_its_colour_under_the_endpoint_property()
    {
        var halo = Z2mSample.Device("Master Bedroom/Smoke Detector");

        var hue = halo.Features.Single(f => f.Path == "color_hs.hue");
        Assert.Equal(("color_light.hue_light", "hue_light", "light", "light"), (hue.StatePath, hue.Property, hue.Endpoint, hue.Container));
    }

    [Fact]
    public void Presets_serialised_as_an_object_come_out_in_index_order()
    {
        var led = Z2mSample.Device("Garage Led Controller");

        var startup = led.Features.Single(f => f.Property == "color_temp_startup_l1");
        Assert.Equal(["coolest", "cool", "neutral", "warm", "warmest", "previous"], startup.Presets!.Select(p => p.Name));
        Assert.Equal("65535", startup.Presets![5].Value);
    }

    [Fact]
    public void Largest_enum_keeps_all_800_values_and_integer_enums_read_as_text()
    {
        var dimmer = Z2mSample.Device("Garden/Dimmer Switch_2");
        var trv = Z2mSample.Device("office/trv");

        var action = dimmer.Features.Single(f => f.Property == "action");
        Assert.Equal(800, action.Values!.Count);
        Assert.Equal(("on_1", "remove_all_20"), (action.Values[0], action.Values[^1]));
        Assert.Equal(["1", "2"], trv.Features.Single(f => f.Property == "trv_mode").Values);
    }

    [Fact]
    public void Duplicate_properties_of_a_generated_definition_are_kept_as_they_come()
    {
        var dimmer = Z2mSample.Device("hallway/2gang_dimmer");

        Assert.Equal(2, dimmer.Features.Count(f => f.StatePath == "effect_1"));
        Assert.Equal(2, dimmer.Features.Count(f => f.StatePath == "power_on_behavior_2"));
    }

    [Fact]
    public void Compact_and_pretty_printed_payloads_parse_to_the_same_features()
    {
        var compact = System.Text.Encoding.UTF8.GetBytes("[" + string.Join(",", Z2mSample.CompactDeviceElements()) + "]");

        var fromCompact = BridgeDevicesParser.Parse(compact);

        Assert.Empty(fromCompact.Errors);
        Assert.Equal(
            Z2mSample.Devices.Devices.SelectMany(d => d.Features).Select(Signature),
            fromCompact.Devices.SelectMany(d => d.Features).Select(Signature));
    }

    internal static string Signature(DeviceFeature f) =>
        string.Join("|", f.Path, f.StatePath, f.Type, f.Access.Bits, f.Container, f.Endpoint, f.Unit, f.Min, f.Max, f.Step,
            string.Join(",", f.Values ?? []), f.ValueOn, f.ValueOff, f.ValueToggle, f.Category, f.Label, f.Description, f.ItemType,
            string.Join(",", (f.Presets ?? []).Select(p => $"{p.Name}={p.Value}")));
}
