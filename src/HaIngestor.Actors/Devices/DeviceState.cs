using HaIngestor.Actors.Protocol;
using HaIngestor.Domain.Devices;

namespace HaIngestor.Actors.Devices;

/// <summary>
/// A device actor's state: the raw definition it persisted, the Domain snapshot, and how many state events
/// it has. Pure: every event turns one state into the next.
/// </summary>
public sealed record DeviceState(string IeeeAddress, string? DeviceJson, DeviceSnapshot Snapshot, long StateChanges)
{
    public static DeviceState Empty(string ieeeAddress) => new(ieeeAddress, null, DeviceSnapshot.Empty, 0);

    public string? FriendlyName => Snapshot.Definition?.FriendlyName;

    public DeviceState Apply(DeviceDefinitionRecorded recorded)
    {
        var definition = ParseDefinition(recorded.DeviceJson);
        return this with
        {
            DeviceJson = recorded.DeviceJson,
            Snapshot = definition is null ? Snapshot : Snapshot.WithDefinition(definition),
        };
    }

    public DeviceState Apply(DevicePropertiesChanged changed) =>
        this with
        {
            Snapshot = Snapshot.Apply(ToChanges(changed), DateTimeOffset.FromUnixTimeMilliseconds(changed.AtUnixMs)),
            StateChanges = StateChanges + 1,
        };

    /// <summary>A message that changed nothing still proves the device is alive; not persisted.</summary>
    public DeviceState Seen(DateTimeOffset time) => this with { Snapshot = Snapshot with { LastSeen = time } };

    public static DevicePropertiesChanged ToEvent(IReadOnlyList<PropertyChange> changes, DateTimeOffset time) =>
        new(
            time.ToUnixTimeMilliseconds(),
            changes.Select(c => c.StatePath).ToArray(),
            changes.Select(c => c.OldValue).ToArray(),
            changes.Select(c => c.NewValue).ToArray());

    public static IReadOnlyList<PropertyChange> ToChanges(DevicePropertiesChanged changed) =>
        changed.Paths.Select((path, i) => new PropertyChange(path, changed.OldValues[i], changed.NewValues[i])).ToList();

    public DeviceStateSnapshot ToSnapshotRecord()
    {
        var usage = Snapshot.Usage.OrderBy(u => u.Key, StringComparer.Ordinal).ToList();
        var values = Snapshot.LastValues.OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
        return new DeviceStateSnapshot(
            DeviceJson,
            Snapshot.LastSeen?.ToUnixTimeMilliseconds(),
            StateChanges,
            values.Select(v => v.Key).ToArray(),
            values.Select(v => v.Value).ToArray(),
            usage.Select(u => u.Key).ToArray(),
            usage.Select(u => u.Value.ChangeCount).ToArray(),
            usage.Select(u => u.Value.LastValue).ToArray(),
            usage.Select(u => u.Value.LastChanged?.ToUnixTimeMilliseconds()).ToArray(),
            usage.Select(u => u.Value.DistinctValues.ToArray()).ToArray());
    }

    public static DeviceState FromSnapshotRecord(string ieeeAddress, DeviceStateSnapshot record)
    {
        var values = record.ValuePaths.Select((path, i) => (path, value: record.Values[i]))
            .ToDictionary(p => p.path, p => p.value);
        var usage = record.UsagePaths.Select((path, i) => (path, usage: new FeatureUsage(
                record.ChangeCounts[i],
                record.LastValues[i],
                record.LastChangedUnixMs[i] is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
                record.DistinctValues[i])))
            .ToDictionary(p => p.path, p => p.usage);
        var definition = record.DeviceJson is null ? null : ParseDefinition(record.DeviceJson);
        var lastSeen = record.LastSeenUnixMs is { } seen ? DateTimeOffset.FromUnixTimeMilliseconds(seen) : (DateTimeOffset?)null;
        return new DeviceState(ieeeAddress, record.DeviceJson, new DeviceSnapshot(definition, values, usage, lastSeen), record.StateChanges);
    }

    private static ZigbeeDevice? ParseDefinition(string deviceJson) =>
        BridgeDevicesParser.Parse(System.Text.Encoding.UTF8.GetBytes($"[{deviceJson}]")).Devices.FirstOrDefault();
}
