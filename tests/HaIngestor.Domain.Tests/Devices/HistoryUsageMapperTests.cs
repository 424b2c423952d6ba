using System.Text.Json;
using HaIngestor.Domain.Devices;
using HaIngestor.Domain.Events;

namespace HaIngestor.Domain.Tests.Devices;

/// <summary>Home Assistant history mapped back to the features of real devices of the shared sample.</summary>
public sealed class HistoryUsageMapperTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 10, 18, 0, 0, TimeSpan.Zero);

    private static readonly string[] SampleDevices = ["bedroom/pendant_2", "living_room/shutter", "trv_8", "kitchen/smart_plug", "Office Pir"];

    private static HistoryUsageMapper Mapper() => new(SampleDevices.Select(Z2mSample.Device));

    private static HistoryLine Line(
        int minute, string entityId, string state, string? oldState = null, string? userId = null, string? parentId = null, string attributes = "{}")
    {
        using var document = JsonDocument.Parse(attributes);
        var members = document.RootElement.EnumerateObject().ToDictionary(m => m.Name, m => m.Value.Clone());
        return new HistoryLine(new StateChange(T0.AddMinutes(minute), entityId, state, oldState, null, StateChange.OriginFromContext(state, userId, parentId), userId, parentId), members);
    }

    private static IReadOnlyList<DeviceFeatureUse> MapAll(HistoryUsageMapper mapper, params HistoryLine[] lines) =>
        lines.SelectMany(mapper.Map).ToList();

    [Fact]
    public void Light_switches_map_to_the_state_feature_with_the_origin_from_the_context()
    {
        var uses = MapAll(
            Mapper(),
            Line(0, "light.bedroom_pendant_2", "on", "off"),
            Line(1, "light.bedroom_pendant_2", "off", "on", userId: "u1"),
            Line(2, "light.bedroom_pendant_2", "on", "off", parentId: "p1"));

        Assert.All(uses, u => Assert.Equal("0x90fd9faf00b697b3", u.IeeeAddress));
        Assert.Equal(
            [
                new PropertyChange("state", "\"OFF\"", "\"ON\"", UsageOrigin.Human),
                new PropertyChange("state", "\"ON\"", "\"OFF\"", UsageOrigin.Human),
                new PropertyChange("state", "\"OFF\"", "\"ON\"", UsageOrigin.Automation),
            ],
            uses.Select(u => u.Change));
    }

    [Fact]
    public void A_light_attribute_that_changes_between_lines_is_a_use_of_its_feature_and_xy_wins_over_hs()
    {
        var uses = MapAll(
            Mapper(),
            Line(0, "light.bedroom_pendant_2", "on", "off", attributes: """{"brightness":255,"color_temp":250,"xy_color":[0.3,0.3],"hs_color":[30,40]}"""),
            Line(1, "light.bedroom_pendant_2", "on", "on", userId: "u1", attributes: """{"brightness":128,"color_temp":250,"xy_color":[0.5,0.3],"hs_color":[10,80]}"""),
            Line(2, "light.bedroom_pendant_2", "off", "on", attributes: """{"brightness":null,"color_temp":null}"""),
            Line(3, "light.bedroom_pendant_2", "on", "off", attributes: """{"brightness":128,"color_temp_kelvin":2000,"color_temp":500}"""));

        var changes = uses.Select(u => u.Change).ToList();
        // HA's 0-255 brightness in the device's 0-254.
        Assert.Contains(new PropertyChange("brightness", "254", "127", UsageOrigin.Human), changes);
        Assert.Contains(new PropertyChange("color.x", "0.3", "0.5", UsageOrigin.Human), changes);
        Assert.Contains(new PropertyChange("color_temp", "250", "500", UsageOrigin.Human), changes);
        Assert.DoesNotContain(changes, c => c.StatePath is "color.y" or "color.hue" or "color.saturation" && c.OldValue is not null);
        // An attribute gone while the light is off and back at its value is no change of it.
        Assert.Single(changes, c => c.StatePath == "brightness" && c.OldValue is not null);
        Assert.Equal(3, changes.Count(c => c.StatePath == "state"));
    }

    [Fact]
    public void Cover_states_and_positions_map_back_and_transitional_states_are_skipped()
    {
        var uses = MapAll(
            Mapper(),
            Line(0, "cover.living_room_shutter", "closed", attributes: """{"current_position":0}"""),
            Line(1, "cover.living_room_shutter", "opening", "closed", userId: "u", attributes: """{"current_position":40}"""),
            Line(2, "cover.living_room_shutter", "open", "opening", userId: "u", attributes: """{"current_position":100}"""));

        var counted = uses.Select(u => u.Change).Where(c => c.OldValue is not null).ToList();
        Assert.Equal(
            [
                new PropertyChange("position", "0", "40", UsageOrigin.Human),
                new PropertyChange("state", "\"CLOSE\"", "\"OPEN\"", UsageOrigin.Human),
                new PropertyChange("position", "40", "100", UsageOrigin.Human),
            ],
            counted);
    }

    [Fact]
    public void Climate_mode_setpoint_and_reading_map_to_the_thermostat_features()
    {
        var uses = MapAll(
            Mapper(),
            Line(0, "climate.trv_8", "heat", attributes: """{"temperature":20,"current_temperature":19.5}"""),
            Line(1, "climate.trv_8", "heat", "heat", parentId: "p", attributes: """{"temperature":17,"current_temperature":19.5}"""),
            Line(2, "climate.trv_8", "off", "heat", attributes: """{"temperature":17,"current_temperature":18}"""));

        var counted = uses.Select(u => u.Change).Where(c => c.OldValue is not null).ToList();
        Assert.Equal(
            [
                new PropertyChange("occupied_heating_setpoint", "20", "17", UsageOrigin.Automation),
                new PropertyChange("system_mode", "\"heat\"", "\"off\"", UsageOrigin.Human),
                new PropertyChange("local_temperature", "19.5", "18", UsageOrigin.Device),
            ],
            counted);
    }

    [Fact]
    public void Sensor_readings_are_the_devices_and_switches_without_context_a_persons()
    {
        var uses = MapAll(
            Mapper(),
            Line(0, "binary_sensor.office_pir_occupancy", "on", "off"),
            Line(1, "sensor.office_pir_illuminance", "35", "12"),
            Line(2, "switch.kitchen_smart_plug", "on", "off"),
            Line(3, "sensor.kitchen_smart_plug_power", "1200.5", "3"));

        Assert.Equal(
            [
                ("0x90fd9f1dd3218644", new PropertyChange("occupancy", "false", "true", UsageOrigin.Device)),
                ("0x90fd9f1dd3218644", new PropertyChange("illuminance", "12", "35", UsageOrigin.Device)),
                ("0xf082c06dbdcfe976", new PropertyChange("state", "\"OFF\"", "\"ON\"", UsageOrigin.Human)),
                ("0xf082c06dbdcfe976", new PropertyChange("power", "3", "1200.5", UsageOrigin.Device)),
            ],
            uses.Select(u => (u.IeeeAddress, u.Change)));
    }

    [Fact]
    public void Unknown_entities_and_placeholder_states_count_nothing_and_do_not_break_the_chain()
    {
        var mapper = Mapper();
        var uses = MapAll(
            mapper,
            Line(0, "light.not_a_zigbee_light", "on", "off"),
            Line(1, "switch.kitchen_smart_plug", "on", "off"),
            Line(2, "switch.kitchen_smart_plug", "unavailable", "on"),
            Line(3, "switch.kitchen_smart_plug", "on", "unavailable"));

        Assert.Single(uses);
        Assert.Equal((1L, 3L), (mapper.UnmappedLines, mapper.MappedLines));
    }

    [Fact]
    public void States_map_back_to_values_that_map_forward_to_the_same_state()
    {
        foreach (var device in Z2mSample.Devices.Devices)
        {
            foreach (var feature in device.Features)
            {
                foreach (var value in new[] { feature.ValueOn, feature.ValueOff }.OfType<string>()
                    .Concat((feature.Values ?? []).Select(JsonValueText.Quote)))
                {
                    if (EntityMapping.StateOf(feature, value) is not { } state)
                    {
                        continue;
                    }

                    var back = EntityReverseMapping.ValueOfState(feature, state);
                    Assert.NotNull(back);
                    Assert.Equal(state, EntityMapping.StateOf(feature, back));
                }
            }
        }
    }
}
