using System.Text.Json;
using System.Text.RegularExpressions;
using HaIngestor.Simulation;

namespace HaIngestor.Domain.Tests.Simulation;

public sealed partial class SimulatedHomeTests
{
    [Fact]
    public void Bridge_devices_payload_is_an_array_of_real_shaped_devices_with_the_coordinator_first()
    {
        var home = SimulatedHome.Create(1);
        using var document = JsonDocument.Parse(home.BridgeDevicesPayload());
        var devices = document.RootElement;

        Assert.Equal(JsonValueKind.Array, devices.ValueKind);
        Assert.InRange(devices.GetArrayLength(), 25, 35);
        Assert.Equal("Coordinator", devices[0].GetProperty("type").GetString());
        Assert.Equal("Coordinator", devices[0].GetProperty("friendly_name").GetString());
        Assert.False(devices[0].TryGetProperty("definition", out _));

        foreach (var device in devices.EnumerateArray().Skip(1))
        {
            Assert.Matches(IeeeAddress(), device.GetProperty("ieee_address").GetString());
            Assert.Contains('/', device.GetProperty("friendly_name").GetString()!);
            Assert.Contains(device.GetProperty("type").GetString(), new[] { "Router", "EndDevice" });
            Assert.True(device.GetProperty("supported").GetBoolean());
            Assert.False(device.GetProperty("disabled").GetBoolean());
            Assert.Equal("SUCCESSFUL", device.GetProperty("interview_state").GetString());
            var definition = device.GetProperty("definition");
            Assert.Equal("native", definition.GetProperty("source").GetString());
            Assert.Equal(JsonValueKind.Array, definition.GetProperty("options").ValueKind);
            var exposes = definition.GetProperty("exposes");
            Assert.True(exposes.GetArrayLength() >= 2);
            Assert.Equal("linkquality", exposes[exposes.GetArrayLength() - 1].GetProperty("property").GetString());
        }
    }

    [Fact]
    public void Bridge_devices_payload_sorts_keys_at_every_level_like_zigbee2mqtt()
    {
        using var document = JsonDocument.Parse(SimulatedHome.Create(3).BridgeDevicesPayload());
        AssertSortedKeys(document.RootElement);
    }

    [Fact]
    public void Bridge_devices_carry_the_expose_shapes_of_each_device_kind()
    {
        using var document = JsonDocument.Parse(SimulatedHome.Create(1).BridgeDevicesPayload());
        var byName = document.RootElement.EnumerateArray().ToDictionary(d => d.GetProperty("friendly_name").GetString()!);

        var light = Exposes(byName["kitchen/ceiling light"]);
        Assert.Equal("light", light[0].GetProperty("type").GetString());
        Assert.Equal(["state", "brightness", "color_temp"], light[0].GetProperty("features").EnumerateArray().Select(f => f.GetProperty("name").GetString()));

        var contact = Exposes(byName["hallway/front door"]).Single(e => e.TryGetProperty("name", out var n) && n.GetString() == "contact");
        Assert.Equal(JsonValueKind.False, contact.GetProperty("value_on").ValueKind);
        Assert.Equal(JsonValueKind.True, contact.GetProperty("value_off").ValueKind);

        var climate = Exposes(byName["bathroom/thermostat"])[0];
        Assert.Equal("climate", climate.GetProperty("type").GetString());
        Assert.Contains("system_mode", climate.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("name").GetString()));

        Assert.Equal("cover", Exposes(byName["bedroom/blinds"])[0].GetProperty("type").GetString());
        Assert.Contains(Exposes(byName["living room/remote"]), e => e.TryGetProperty("name", out var n) && n.GetString() == "action");
        Assert.Contains(Exposes(byName["office/desk plug"]), e => e.TryGetProperty("name", out var n) && n.GetString() == "power");
    }

    [Fact]
    public void Entity_ids_follow_the_shared_mapping_rule_of_the_device_list()
    {
        var home = SimulatedHome.Create(5);
        using var document = JsonDocument.Parse(home.BridgeDevicesPayload());
        var mapped = EntityMappingOracle.Entities(document.RootElement);

        foreach (var device in home.Devices.Skip(1))
        {
            Assert.Equal(
                mapped[device.FriendlyName].Select(e => e.EntityId).Order(),
                device.Entities.Select(e => e.EntityId).Order());
        }

        Assert.NotNull(home.FindEntity("light.living_room_floor_lamp"));
        Assert.Equal("living_room", home.FindEntity("light.living_room_floor_lamp")!.Area);
        Assert.Contains("guest_room", home.Areas);
    }

    [Fact]
    public void Same_seed_builds_the_same_home_and_another_seed_another_network()
    {
        Assert.Equal(SimulatedHome.Create(7).BridgeDevicesPayload(), SimulatedHome.Create(7).BridgeDevicesPayload());
        Assert.NotEqual(SimulatedHome.Create(7).BridgeDevicesPayload(), SimulatedHome.Create(8).BridgeDevicesPayload());
        Assert.Equal(
            SimulatedHome.Create(7).Devices.Select(d => d.IeeeAddress).Distinct().Count(),
            SimulatedHome.Create(7).Devices.Count);
    }

    [Fact]
    public void Home_is_in_a_dst_time_zone_unlike_the_recorded_datasets()
    {
        var home = SimulatedHome.Create(1);
        Assert.Equal("Europe/Berlin", home.TimeZoneId);
        Assert.True(home.Calendar.TimeZone.SupportsDaylightSavingTime);
    }

    [Fact]
    public void Planted_truth_has_human_routines_and_the_automation_marked_not_human()
    {
        var home = SimulatedHome.Create(1);
        Assert.All(home.Routines.Where(r => r.EntityId == "light.garden_path_light"), r => Assert.False(r.Human));
        Assert.Contains(home.Routines, r => r is { EntityId: "light.kitchen_ceiling_light", State: "on", Human: true }
            && r.LocalTime == new TimeOnly(6, 45) && r.Days.ToString() == "weekdays");
        Assert.Contains(home.Routines, r => r is { EntityId: "light.living_room_floor_lamp", State: "off" }
            && r.LocalTime == new TimeOnly(23, 50) && r.Days.ToString() == "all");
        Assert.Contains(home.Routines, r => r is { EntityId: "cover.bedroom_blinds", State: "open" } && r.Days.ToString() == "weekends");
    }

    [Fact]
    public void Extra_sensors_scale_the_home_for_benchmarks()
    {
        var home = SimulatedHome.Create(1, new SimulationOptions(ExtraClimateSensors: 30));
        Assert.Equal(SimulatedHome.Create(1).Devices.Count + 30, home.Devices.Count);
        Assert.Equal(home.Entities.Count, home.Entities.Select(e => e.EntityId).Distinct().Count());
    }

    private static JsonElement[] Exposes(JsonElement device) =>
        device.GetProperty("definition").GetProperty("exposes").EnumerateArray().ToArray();

    private static void AssertSortedKeys(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = element.EnumerateObject().Select(p => p.Name).ToList();
                Assert.Equal(names.Order(StringComparer.Ordinal), names);
                foreach (var property in element.EnumerateObject())
                {
                    AssertSortedKeys(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AssertSortedKeys(item);
                }

                break;
        }
    }

    [GeneratedRegex("^0x[0-9a-f]{16}$")]
    private static partial Regex IeeeAddress();
}
