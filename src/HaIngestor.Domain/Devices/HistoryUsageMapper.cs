using System.Text.Json;
using HaIngestor.Domain.Events;

namespace HaIngestor.Domain.Devices;

/// <summary>
/// Turns imported Home Assistant history (events.jsonl lines, in time order) into changes of Zigbee2MQTT device
/// features: an entity's state maps back to its feature (<see cref="EntityReverseMapping.ValueOfState"/>), and an
/// attribute that differs from the entity's previous line (brightness, colour, position, setpoint...) is a change of
/// the feature it carries. The origin comes from the line's HA context (<see cref="UsageOrigins.FromContext"/>).
/// </summary>
/// <remarks>
/// Stateful: it remembers each entity's last values to tell a change from a repeat. An entity's first value (no
/// earlier line, no old_state that maps) is a first value, not a use, as for a device's first MQTT message.
/// Placeholder states (<c>unavailable</c>, <c>unknown</c>) say nothing about the device and are passed over.
/// </remarks>
public sealed class HistoryUsageMapper(IEnumerable<ZigbeeDevice> devices)
{
    private readonly IReadOnlyDictionary<string, EntityTarget> targets = EntityReverseMapping.Index(devices);
    private readonly Dictionary<(string Ieee, string Path), string> lastValues = [];

    /// <summary>Lines whose entity is no feature of a known device.</summary>
    public long UnmappedLines { get; private set; }

    /// <summary>Lines of known entities.</summary>
    public long MappedLines { get; private set; }

    public IReadOnlyList<DeviceFeatureUse> Map(HistoryLine line)
    {
        var change = line.Change;
        if (!targets.TryGetValue(change.EntityId, out var target))
        {
            UnmappedLines++;
            return [];
        }

        MappedLines++;
        if (change.IsPlaceholderState)
        {
            return [];
        }

        var uses = new List<DeviceFeatureUse>();
        if (EntityReverseMapping.ValueOfState(target.StateFeature, change.State) is { } value)
        {
            var old = change.OldState is { } oldState ? EntityReverseMapping.ValueOfState(target.StateFeature, oldState) : null;
            Add(uses, target, target.StateFeature, value, old, change);
        }

        foreach (var (attribute, attributeValue) in line.Attributes)
        {
            if (EntityReverseMapping.IsRedundant(target, attribute, line.Attributes))
            {
                continue;
            }

            foreach (var (feature, featureValue) in EntityReverseMapping.FeaturesOfAttribute(target, attribute, attributeValue))
            {
                Add(uses, target, feature, featureValue, null, change);
            }
        }

        return uses;
    }

    private void Add(List<DeviceFeatureUse> uses, EntityTarget target, DeviceFeature feature, string value, string? oldFromLine, StateChange change)
    {
        var key = (target.Device.IeeeAddress, feature.StatePath);
        var old = lastValues.TryGetValue(key, out var last) ? last : oldFromLine;
        lastValues[key] = value;
        if (string.Equals(old, value, StringComparison.Ordinal) && !DeviceStatePayload.IsEventKey(feature.StatePath))
        {
            return;
        }

        var origin = UsageOrigins.FromContext(change.UserId, change.ParentId, feature, feature.StatePath);
        uses.Add(new DeviceFeatureUse(target.Device.IeeeAddress, change.Time, new PropertyChange(feature.StatePath, old, value, origin)));
    }
}
