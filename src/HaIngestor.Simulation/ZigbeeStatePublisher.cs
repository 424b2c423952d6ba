using System.Globalization;
using System.Text.Json;
using HaIngestor.Domain.Events;

namespace HaIngestor.Simulation;

/// <summary>
/// Live Zigbee2MQTT traffic of a <see cref="SimulatedHome"/>: holds each device's cached state and turns every
/// simulated <see cref="StateChange"/> into the full-state message Zigbee2MQTT would publish. The
/// payload's properties map back, by the ENTITY_MAPPING.md rule, to exactly the change's entity id and state.
/// One instance per stream of changes (it is stateful, not thread-safe).
/// </summary>
public sealed class ZigbeeStatePublisher
{
    private readonly SimulatedHome home;
    private readonly SortedDictionary<string, object>?[] cache;

    public ZigbeeStatePublisher(SimulatedHome home)
    {
        this.home = home;
        cache = home.Devices.Select(InitialCache).ToArray();
    }

    /// <summary>The current full state of every device (the Coordinator has none), in device order.</summary>
    public IReadOnlyList<ZigbeeMessage> CurrentStates(DateTimeOffset time) =>
        home.Devices.Where(d => cache[d.Index] is not null).Select(d => Message(d, time)).ToList();

    /// <summary>
    /// Applies <paramref name="change"/> to its device's cached state and returns the message Zigbee2MQTT publishes,
    /// or null when the entity is not one of the home's or the state is not one its device can take.
    /// </summary>
    public ZigbeeMessage? Publish(StateChange change)
    {
        if (home.FindEntity(change.EntityId) is not { } entity || cache[entity.DeviceIndex] is not { } state)
        {
            return null;
        }

        if (!Apply(state, entity.Role, change.State))
        {
            return null;
        }

        var message = Message(home.Devices[entity.DeviceIndex], change.Time);

        // Zigbee2MQTT never caches event properties: an action appears only in the message that reports it.
        state.Remove("action");
        return message;
    }

    private static bool Apply(SortedDictionary<string, object> state, EntityRole role, string value)
    {
        switch (role, value)
        {
            case (EntityRole.OnOff, "on" or "off"):
                state["state"] = value == "on" ? "ON" : "OFF";
                return true;
            case (EntityRole.Cover, "open" or "closed"):
                state["state"] = value == "open" ? "OPEN" : "CLOSE";
                state["position"] = new RawNumber(value == "open" ? "100" : "0");
                return true;
            case (EntityRole.ClimateMode, "heat" or "off" or "auto"):
                state["system_mode"] = value;
                state["occupied_heating_setpoint"] = new RawNumber(value switch { "heat" => "22", "auto" => "20", _ => "17" });
                state["running_state"] = value == "heat" ? "heat" : "idle";
                return true;
            case (EntityRole.Occupancy, "on" or "off"):
                state["occupancy"] = value == "on";
                return true;
            case (EntityRole.Contact, "on" or "off"):
                // Contact sensors expose value_on false: an open door (HA "on") is contact false.
                state["contact"] = value == "off";
                return true;
            case (EntityRole.Action, { Length: > 0 }):
                state["action"] = value;
                return true;
            case (EntityRole.Power or EntityRole.Energy or EntityRole.Illuminance or EntityRole.Temperature or EntityRole.Humidity, _)
                when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number):
                state[PropertyOf(role)] = new RawNumber(value);
                return true;
            default:
                return false;
        }
    }

    private static string PropertyOf(EntityRole role) => role switch
    {
        EntityRole.Power => "power",
        EntityRole.Energy => "energy",
        EntityRole.Illuminance => "illuminance",
        EntityRole.Temperature => "temperature",
        _ => "humidity",
    };

    private SortedDictionary<string, object>? InitialCache(SimulatedDevice device)
    {
        if (device.Kind is not { } kind)
        {
            return null;
        }

        var state = new SortedDictionary<string, object>(StringComparer.Ordinal);
        var battery = 55 + (int)(DeterministicNoise.Uniform(home.Seed, device.Index, 1) * 45);
        switch (kind)
        {
            case DeviceKind.Light:
                state["brightness"] = new RawNumber(SimulatedValues.Format(120 + (device.Index * 37 % 130)));
                state["color_mode"] = "color_temp";
                state["color_temp"] = new RawNumber(SimulatedValues.Format(250 + (device.Index * 29 % 200)));
                break;
            case DeviceKind.Thermostat:
                state["local_temperature"] = new RawNumber("19.5");
                break;
            case DeviceKind.MotionSensor or DeviceKind.ContactSensor or DeviceKind.ClimateSensor:
                state["battery"] = new RawNumber(SimulatedValues.Format(battery));
                state["voltage"] = new RawNumber(SimulatedValues.Format(2800 + (battery * 4)));
                break;
            case DeviceKind.Cover or DeviceKind.Remote:
                state["battery"] = new RawNumber(SimulatedValues.Format(battery));
                break;
        }

        foreach (var entity in device.Entities)
        {
            if (entity.InitialState is { } initial)
            {
                Apply(state, entity.Role, initial);
            }
        }

        return state;
    }

    private ZigbeeMessage Message(SimulatedDevice device, DateTimeOffset time)
    {
        var state = cache[device.Index]!;
        // Link quality wanders a little from message to message, as it does on a real mesh.
        var baseQuality = 90 + (int)(DeterministicNoise.Uniform(home.Seed, device.Index, 2) * 130);
        var linkQuality = baseQuality + (int)(DeterministicNoise.Uniform(home.Seed, device.Index, time.UtcTicks) * 21) - 10;

        using var buffer = new MemoryStream(128);
        using (var writer = new Utf8JsonWriter(buffer, SortedJsonWriter.Options))
        {
            writer.WriteStartObject();
            var linkQualityWritten = false;
            foreach (var (key, value) in state)
            {
                if (!linkQualityWritten && string.CompareOrdinal(key, "linkquality") > 0)
                {
                    writer.WriteNumber("linkquality", linkQuality);
                    linkQualityWritten = true;
                }

                writer.WritePropertyName(key);
                switch (value)
                {
                    case RawNumber raw:
                        writer.WriteRawValue(raw.Text);
                        break;
                    case bool flag:
                        writer.WriteBooleanValue(flag);
                        break;
                    default:
                        writer.WriteStringValue((string)value);
                        break;
                }
            }

            if (!linkQualityWritten)
            {
                writer.WriteNumber("linkquality", linkQuality);
            }

            writer.WriteEndObject();
        }

        return ZigbeeMessage.DeviceState(device.FriendlyName, buffer.ToArray());
    }

    /// <summary>A number kept as the exact text of the HA state, so the payload and the state agree to the digit.</summary>
    private sealed record RawNumber(string Text);
}
