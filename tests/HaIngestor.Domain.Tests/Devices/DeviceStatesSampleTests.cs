using HaIngestor.Domain.Devices;
using HaIngestor.Domain.Events;

namespace HaIngestor.Domain.Tests.Devices;

/// <summary>Every state message of the sample, through its device's snapshot, into HA entity state changes.</summary>
public sealed class DeviceStatesSampleTests
{
    private static readonly DateTimeOffset Time = new(2025, 1, 14, 9, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<StateChange> StateChangesOf(string friendlyName, byte[] payload)
    {
        Assert.True(DeviceStatePayload.TryFlatten(payload, out var values, out var error), error);
        var snapshot = DeviceSnapshot.Empty.WithDefinition(Z2mSample.Device(friendlyName));
        return snapshot.ToStateChanges(snapshot.Diff(values), Time);
    }

    private static IReadOnlyList<StateChange> StateChangesOf(string friendlyName) =>
        StateChangesOf(friendlyName, Z2mSample.StateMessages().Single(m => m.FriendlyName == friendlyName).Payload);

    private static Dictionary<string, string> States(string friendlyName) =>
        StateChangesOf(friendlyName).ToDictionary(c => c.EntityId, c => c.State);

    [Fact]
    public void Every_message_maps_through_its_device()
    {
        var all = Z2mSample.StateMessages().SelectMany(m => StateChangesOf(m.FriendlyName, m.Payload)).ToList();

        // An independent implementation of ENTITY_MAPPING.md (Python, over the same two files) gives 322.
        Assert.Equal(322, all.Count);
        Assert.All(all, c =>
        {
            Assert.Equal((Time, Origin.Manual, null, null, null), (c.Time, c.Origin, c.OldState, c.UserId, c.ParentId));
            Assert.Matches("^[a-z_]+\\.[a-z0-9_]+$", c.EntityId);
            Assert.False(c.IsPlaceholderState);
        });
        Assert.DoesNotContain(all, c => c.EntityId.Contains("linkquality") || c.EntityId.Contains("last_seen") || c.EntityId.EndsWith("_update"));
    }

    [Fact]
    public void Colour_light_gives_its_light_entity_only()
    {
        var change = Assert.Single(StateChangesOf("bedroom/pendant_2"));

        Assert.Equal(("light.bedroom_pendant_2", "off", "bedroom"), (change.EntityId, change.State, change.Area));
    }

    [Fact]
    public void Three_gang_switch_gives_one_switch_per_endpoint_and_its_settable_extras()
    {
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["switch.sypialnia_steckdose_2_l1"] = "on",
                ["switch.sypialnia_steckdose_2_l2"] = "on",
                ["switch.sypialnia_steckdose_2_l3"] = "off",
                ["switch.sypialnia_steckdose_2_child_lock"] = "off",
                ["number.sypialnia_steckdose_2_countdown_l1"] = "37911",
                ["number.sypialnia_steckdose_2_countdown_l2"] = "13128",
                ["number.sypialnia_steckdose_2_countdown_l3"] = "17203",
            },
            States("Sypialnia/Steckdose_2"));
    }

    [Fact]
    public void Contact_false_is_on_because_value_on_is_false()
    {
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["binary_sensor.laundry_door_sensor_contact"] = "on",
                ["sensor.laundry_door_sensor_break_function_state"] = "idle",
            },
            States("laundry/door_sensor"));
    }

    [Fact]
    public void Lock_fan_climate_and_named_endpoint_light_follow_the_table()
    {
        var lockStates = States("garage_door_lock");
        Assert.Equal("unlocked", lockStates["lock.garage_door_lock"]);
        Assert.Equal("lock", lockStates["sensor.garage_door_lock_action"]);
        Assert.Equal("8", lockStates["sensor.garage_door_lock_action_user"]);
        Assert.Equal("on", States("kitchen_ceiling_fan")["fan.kitchen_ceiling_fan"]);
        Assert.Equal(new Dictionary<string, string> { ["climate.trv_8"] = "auto" }, States("trv_8"));
        var halo = States("Master Bedroom/Smoke Detector");
        Assert.Equal("on", halo["light.master_bedroom_smoke_detector_light"]);
        Assert.Equal("1008.5", halo["sensor.master_bedroom_smoke_detector_pressure"]);
        Assert.Equal("game_room", halo["select.master_bedroom_smoke_detector_room"]);
    }

    [Fact]
    public void Device_named_by_its_ieee_address_has_no_area()
    {
        var changes = StateChangesOf("0x28dba70c868fbb60");

        Assert.Contains(changes, c => c.EntityId == "binary_sensor.0x28dba70c868fbb60_occupancy" && c.State == "off");
        Assert.All(changes, c => Assert.Null(c.Area));
    }

    [Fact]
    public void A_second_identical_message_gives_no_state_changes()
    {
        var (name, payload) = Z2mSample.StateMessages().Single(m => m.FriendlyName == "kitchen_radiator");
        Assert.True(DeviceStatePayload.TryFlatten(payload, out var values, out _));
        var snapshot = DeviceSnapshot.Empty.WithDefinition(Z2mSample.Device(name));
        snapshot = snapshot.Apply(snapshot.Diff(values), Time, DateOnly.FromDateTime(Time.UtcDateTime));

        Assert.Empty(snapshot.Diff(values));
        Assert.Empty(snapshot.ToStateChanges(snapshot.Diff(values), Time));
    }
}
