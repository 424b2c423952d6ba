using System.Text.Json;
using HaIngestor.Domain.Events;
using HaIngestor.Simulation;

namespace HaIngestor.Domain.Tests.Simulation;

public sealed class ZigbeeStatePublisherTests
{
    [Fact]
    public void Initial_states_map_back_to_the_initial_entity_states()
    {
        var home = SimulatedHome.Create(1);
        var mapped = MappedEntities(home);
        var messages = new ZigbeeStatePublisher(home).CurrentStates(SimulationFixtures.January);

        Assert.Equal(home.Devices.Count - 1, messages.Count);
        foreach (var message in messages)
        {
            var device = home.Devices.Single(d => d.StateTopic == message.Topic);
            using var payload = JsonDocument.Parse(message.Payload);
            var states = EntityMappingOracle.States(mapped[device.FriendlyName], payload.RootElement);
            foreach (var entity in device.Entities)
            {
                Assert.Equal(entity.InitialState, states.GetValueOrDefault(entity.EntityId));
            }
        }
    }

    [Fact]
    public void Every_change_becomes_a_full_state_payload_that_maps_back_to_exactly_that_change()
    {
        var home = SimulatedHome.Create(2);
        var mapped = MappedEntities(home);
        var publisher = new ZigbeeStatePublisher(home);
        var known = home.Entities.ToDictionary(e => e.EntityId, e => e.InitialState);
        var count = 0;

        foreach (var change in new HistoryGenerator(home).Generate(SimulationFixtures.January, 14))
        {
            var message = publisher.Publish(change);
            Assert.NotNull(message);
            var device = home.Devices[home.FindEntity(change.EntityId)!.DeviceIndex];
            Assert.Equal("zigbee2mqtt/" + device.FriendlyName, message.Topic);

            using var payload = JsonDocument.Parse(message.Payload);
            Assert.Equal(JsonValueKind.Object, payload.RootElement.ValueKind);
            Assert.True(payload.RootElement.TryGetProperty("linkquality", out _));
            var states = EntityMappingOracle.States(mapped[device.FriendlyName], payload.RootElement);

            Assert.Equal(change.State, states[change.EntityId]);
            known[change.EntityId] = change.State;
            foreach (var other in device.Entities.Where(e => e.EntityId != change.EntityId))
            {
                Assert.Equal(known[other.EntityId], states.GetValueOrDefault(other.EntityId));
            }

            count++;
        }

        Assert.True(count > 1000);
    }

    [Fact]
    public void Payload_keys_are_sorted_and_light_payloads_carry_brightness_and_colour_temperature()
    {
        var home = SimulatedHome.Create(3);
        var publisher = new ZigbeeStatePublisher(home);
        var message = publisher.Publish(new StateChange(SimulationFixtures.January, "light.kitchen_ceiling_light", "on", "off"))!;

        using var payload = JsonDocument.Parse(message.Payload);
        var names = payload.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(["brightness", "color_mode", "color_temp", "linkquality", "state"], names);
        Assert.Equal("ON", payload.RootElement.GetProperty("state").GetString());
    }

    [Fact]
    public void Changes_the_home_does_not_have_or_cannot_take_publish_nothing()
    {
        var publisher = new ZigbeeStatePublisher(SimulatedHome.Create(1));

        Assert.Null(publisher.Publish(new StateChange(SimulationFixtures.January, "light.somewhere_else", "on")));
        Assert.Null(publisher.Publish(new StateChange(SimulationFixtures.January, "cover.bedroom_blinds", "opening")));
        Assert.Null(publisher.Publish(new StateChange(SimulationFixtures.January, "sensor.office_desk_plug_power", "unavailable")));
    }

    [Fact]
    public void Bridge_devices_message_is_retained_on_the_bridge_topic()
    {
        var home = SimulatedHome.Create(1);
        var message = ZigbeeMessage.BridgeDevices(home);

        Assert.Equal("zigbee2mqtt/bridge/devices", message.Topic);
        Assert.True(message.Retain);
        Assert.Equal(home.BridgeDevicesPayload(), message.Payload);
    }

    private static Dictionary<string, List<EntityMappingOracle.MappedEntity>> MappedEntities(SimulatedHome home)
    {
        using var document = JsonDocument.Parse(home.BridgeDevicesPayload());
        return EntityMappingOracle.Entities(document.RootElement);
    }
}
