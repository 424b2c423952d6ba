using System.Text;
using HaIngestor.Domain.Devices;
using HaIngestor.Domain.Events;

namespace HaIngestor.Domain.Tests.Devices;

public sealed class DeviceSnapshotTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 14, 8, 0, 0, TimeSpan.Zero);

    private static IReadOnlyDictionary<string, string> State(string json)
    {
        Assert.True(DeviceStatePayload.TryFlatten(Encoding.UTF8.GetBytes(json), out var values, out var error), error);
        return values;
    }

    private static DeviceSnapshot Observe(DeviceSnapshot snapshot, string json, DateTimeOffset time) =>
        snapshot.Apply(snapshot.Diff(State(json)), time, DateOnly.FromDateTime(time.UtcDateTime));

    [Fact]
    public void Diff_reports_new_and_changed_values_but_not_repeats_or_housekeeping_keys()
    {
        var snapshot = Observe(DeviceSnapshot.Empty, """{"state":"ON","brightness":100}""", T0);

        var changes = snapshot.Diff(State("""{"state":"ON","brightness":120,"color_mode":"xy","linkquality":40,"last_seen":"x","update":{"state":"idle"}}"""));

        Assert.Equal(
            [new PropertyChange("brightness", "100", "120"), new PropertyChange("color_mode", null, "\"xy\"")],
            changes);
    }

    [Fact]
    public void Apply_counts_transitions_and_remembers_values_and_times()
    {
        var snapshot = Observe(DeviceSnapshot.Empty, """{"state":"OFF"}""", T0);
        snapshot = Observe(snapshot, """{"state":"ON"}""", T0.AddMinutes(1));
        snapshot = Observe(snapshot, """{"state":"ON"}""", T0.AddMinutes(2));
        snapshot = Observe(snapshot, """{"state":"OFF"}""", T0.AddMinutes(3));

        var usage = snapshot.Usage["state"];
        Assert.Equal(2, usage.ChangeCount);
        Assert.Equal("\"OFF\"", usage.LastValue);
        Assert.Equal(T0.AddMinutes(3), usage.LastChanged);
        Assert.Equal(["\"OFF\"", "\"ON\""], usage.DistinctValues);
        Assert.Equal("\"OFF\"", snapshot.LastValues["state"]);
        Assert.Equal(T0.AddMinutes(3), snapshot.LastSeen);
    }

    [Fact]
    public void A_first_value_is_remembered_but_is_no_use_of_the_feature()
    {
        var snapshot = Observe(DeviceSnapshot.Empty, """{"state":"OFF"}""", T0);

        var usage = snapshot.Usage["state"];
        Assert.Equal((0L, "\"OFF\"", (DateTimeOffset?)null), (usage.ChangeCount, usage.LastValue, usage.LastChanged));
        Assert.Equal(["\"OFF\""], usage.DistinctValues);
    }

    [Fact]
    public void A_message_without_changes_still_marks_the_device_seen()
    {
        var snapshot = Observe(DeviceSnapshot.Empty, """{"state":"OFF"}""", T0);

        var later = Observe(snapshot, """{"state":"OFF","linkquality":3}""", T0.AddHours(1));

        Assert.Equal(T0.AddHours(1), later.LastSeen);
        Assert.Same(snapshot.Usage, later.Usage);
        Assert.DoesNotContain("linkquality", later.LastValues.Keys);
    }

    [Fact]
    public void Apply_does_not_change_the_snapshot_it_is_called_on()
    {
        var before = Observe(DeviceSnapshot.Empty, """{"brightness":1}""", T0);

        _ = Observe(before, """{"brightness":2}""", T0.AddMinutes(1));

        Assert.Equal("1", before.LastValues["brightness"]);
        Assert.Equal(0, before.Usage["brightness"].ChangeCount);
    }

    [Fact]
    public void Distinct_values_stop_growing_at_the_cap()
    {
        var snapshot = DeviceSnapshot.Empty;
        for (var i = 0; i < DeviceSnapshot.MaxDistinctValues + 10; i++)
        {
            snapshot = Observe(snapshot, $$"""{"power":{{i}}}""", T0.AddSeconds(i));
        }

        var usage = snapshot.Usage["power"];
        Assert.Equal(DeviceSnapshot.MaxDistinctValues, usage.DistinctValues.Count);
        Assert.Equal(DeviceSnapshot.MaxDistinctValues + 9, usage.ChangeCount);
        Assert.Equal((DeviceSnapshot.MaxDistinctValues + 9).ToString(System.Globalization.CultureInfo.InvariantCulture), usage.LastValue);
    }

    [Fact]
    public void Without_a_definition_there_are_no_entity_changes()
    {
        var changes = DeviceSnapshot.Empty.Diff(State("""{"state":"ON"}"""));

        Assert.Empty(DeviceSnapshot.Empty.ToStateChanges(changes, T0));
    }

    [Fact]
    public void Light_state_becomes_a_light_entity_with_area_and_old_state()
    {
        var snapshot = DeviceSnapshot.Empty.WithDefinition(Z2mSample.Device("bedroom/pendant_2"));
        snapshot = Observe(snapshot, """{"state":"OFF","brightness":10}""", T0);

        var changes = snapshot.Diff(State("""{"state":"ON","brightness":200,"color":{"x":0.5}}"""));
        var stateChanges = snapshot.ToStateChanges(changes, T0.AddMinutes(5));

        Assert.Equal(3, changes.Count);
        Assert.Equal([new StateChange(T0.AddMinutes(5), "light.bedroom_pendant_2", "on", "off", "bedroom", Origin.Manual)], stateChanges);
    }

    [Fact]
    public void A_repeated_action_is_a_new_event_each_time()
    {
        // Zigbee2MQTT does not cache `action`: two presses of the same button are two messages with the same value.
        var snapshot = DeviceSnapshot.Empty.WithDefinition(Z2mSample.Device("kitchen/door_lock"));
        snapshot = Observe(snapshot, """{"action":"unlock"}""", T0);

        var again = snapshot.Diff(State("""{"action":"unlock"}"""));
        var events = snapshot.ToStateChanges(again, T0.AddMinutes(1));
        snapshot = snapshot.Apply(again, T0.AddMinutes(1), DateOnly.FromDateTime(T0.UtcDateTime));

        Assert.Equal([new StateChange(T0.AddMinutes(1), "sensor.kitchen_door_lock_action", "unlock", "unlock", "kitchen")], events);
        Assert.Equal(2, snapshot.Usage["action"].ChangeCount);
        Assert.Empty(snapshot.Diff(State("""{"action":""}""")));
    }

    [Fact]
    public void Toggle_and_unknown_binary_values_give_no_state()
    {
        var snapshot = DeviceSnapshot.Empty.WithDefinition(Z2mSample.Device("bedroom/pendant_2"));

        Assert.Empty(snapshot.ToStateChanges(snapshot.Diff(State("""{"state":"TOGGLE"}""")), T0));
        Assert.Empty(snapshot.ToStateChanges(snapshot.Diff(State("""{"state":true}""")), T0));
    }

    [Fact]
    public void Cover_stop_is_skipped_and_open_close_map_to_open_closed()
    {
        var snapshot = DeviceSnapshot.Empty.WithDefinition(Z2mSample.Device("living_room/shutter"));

        Assert.Empty(snapshot.ToStateChanges(snapshot.Diff(State("""{"state":"STOP"}""")), T0));
        var opened = Observe(snapshot, """{"state":"OPEN"}""", T0);
        var closing = opened.Diff(State("""{"state":"CLOSE","position":0}"""));

        Assert.Equal([new StateChange(T0, "cover.living_room_shutter", "closed", "open", "living_room")], opened.ToStateChanges(closing, T0));
    }

    [Fact]
    public void Utilisation_counts_published_settable_features_that_changed()
    {
        var snapshot = DeviceSnapshot.Empty.WithDefinition(Z2mSample.Device("Sypialnia/Steckdose_2"));
        snapshot = Observe(snapshot, """{"state_l1":"OFF","state_l2":"OFF","child_lock":"UNLOCK","power_outage_memory":"on"}""", T0);
        snapshot = Observe(snapshot, """{"state_l1":"ON","power_outage_memory":"off"}""", T0.AddMinutes(1));

        var utilisation = snapshot.Utilisation();

        // state_l1..3, countdown_l1..3 and child_lock; power_outage_memory is config, linkquality diagnostic.
        Assert.Equal(["state_l1", "state_l2", "state_l3", "countdown_l1", "countdown_l2", "countdown_l3", "child_lock"], utilisation.Controllable);
        Assert.Equal(["state_l1"], utilisation.Used);
        Assert.Equal(1.0 / 7, utilisation.Ratio);
        Assert.Null(DeviceSnapshot.Empty.Utilisation().Ratio);
    }
}
