using HaIngestor.Actors.Protocol;
using HaIngestor.Domain.Devices;

namespace HaIngestor.Actors.Devices;

/// <summary>
/// A device actor's state: the raw definition it persisted, the Domain snapshot, and how many state events
/// it has. Pure: every event turns one state into the next.
/// </summary>
public sealed record DeviceState(string IeeeAddress, string? DeviceJson, DeviceSnapshot Snapshot, long StateChanges, DeviceUsageSettings UsageSettings)
{
    public static DeviceState Empty(string ieeeAddress, DeviceUsageSettings? usageSettings = null) =>
        new(ieeeAddress, null, DeviceSnapshot.Empty, 0, usageSettings ?? DeviceUsageSettings.Utc);

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

    public DeviceState Apply(DevicePropertiesChanged changed)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(changed.AtUnixMs);
        return this with
        {
            Snapshot = Snapshot.Apply(ToChanges(changed), at, UsageSettings.LocalDay(at), UsageSettings.DaysKept),
            StateChanges = StateChanges + 1,
        };
    }

    public DeviceState Apply(DeviceUsageImported imported)
    {
        var changes = new List<ImportedChange>(imported.Paths.Length);
        for (var i = 0; i < imported.Paths.Length; i++)
        {
            var at = DateTimeOffset.FromUnixTimeMilliseconds(imported.AtUnixMs[i]);
            var origin = UsageOrigins.FromName(imported.Origins[i]) ?? UsageOrigin.Unknown;
            changes.Add(new ImportedChange(at, UsageSettings.LocalDay(at), new PropertyChange(imported.Paths[i], imported.OldValues[i], imported.NewValues[i], origin)));
        }

        return this with { Snapshot = Snapshot.ApplyImported(changes, UsageSettings.DaysKept) };
    }

    /// <summary>A message that changed nothing still proves the device is alive; not persisted.</summary>
    public DeviceState Seen(DateTimeOffset time) => this with { Snapshot = Snapshot with { LastSeen = time } };

    public static DevicePropertiesChanged ToEvent(IReadOnlyList<PropertyChange> changes, DateTimeOffset time) =>
        new(
            time.ToUnixTimeMilliseconds(),
            changes.Select(c => c.StatePath).ToArray(),
            changes.Select(c => c.OldValue).ToArray(),
            changes.Select(c => c.NewValue).ToArray(),
            changes.Any(c => c.Origin is not null) ? changes.Select(c => c.Origin is { } o ? UsageOrigins.Name(o) : null).ToArray() : null);

    public static DeviceUsageImported ToEvent(IReadOnlyList<DeviceFeatureUse> uses) =>
        new(
            uses.Select(u => u.Time.ToUnixTimeMilliseconds()).ToArray(),
            uses.Select(u => u.Change.StatePath).ToArray(),
            uses.Select(u => u.Change.OldValue).ToArray(),
            uses.Select(u => u.Change.NewValue).ToArray(),
            uses.Select(u => UsageOrigins.Name(u.Change.Origin ?? UsageOrigin.Unknown)).ToArray());

    /// <summary>An origin name this version does not know (written by a newer one) falls back to the MQTT rule.</summary>
    public static IReadOnlyList<PropertyChange> ToChanges(DevicePropertiesChanged changed) =>
        changed.Paths.Select((path, i) => new PropertyChange(
            path,
            changed.OldValues[i],
            changed.NewValues[i],
            changed.Origins is { } origins && i < origins.Length ? UsageOrigins.FromName(origins[i]) : null)).ToList();

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
            usage.Select(u => u.Value.DistinctValues.ToArray()).ToArray(),
            usage.Select(u => u.Value.ByOrigin.ToArray()).ToArray(),
            usage.Select(u => u.Value.Days.Select(d => d.Day.DayNumber).ToArray()).ToArray(),
            usage.Select(u => u.Value.Days.SelectMany(d => d.Counts.ToArray()).ToArray()).ToArray());
    }

    /// <summary>
    /// A snapshot written before origins and days were kept recovers its totals with the MQTT rule's origin (it only
    /// ever saw MQTT) and no per-day counts.
    /// </summary>
    public static DeviceState FromSnapshotRecord(string ieeeAddress, DeviceStateSnapshot record, DeviceUsageSettings? usageSettings = null)
    {
        var definition = record.DeviceJson is null ? null : ParseDefinition(record.DeviceJson);
        var values = record.ValuePaths.Select((path, i) => (path, value: record.Values[i]))
            .ToDictionary(p => p.path, p => p.value);
        var usage = record.UsagePaths.Select((path, i) => (path, usage: new FeatureUsage(
                record.ChangeCounts[i],
                record.LastValues[i],
                record.LastChangedUnixMs[i] is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
                record.DistinctValues[i],
                record.OriginCounts is { } origins && i < origins.Length
                    ? OriginCounts.FromArray(origins[i])
                    : OriginCounts.Of(UsageOrigins.FromMqtt(FeatureAt(definition, path), path), record.ChangeCounts[i]),
                DaysOf(record, i))))
            .ToDictionary(p => p.path, p => p.usage);
        var lastSeen = record.LastSeenUnixMs is { } seen ? DateTimeOffset.FromUnixTimeMilliseconds(seen) : (DateTimeOffset?)null;
        return new DeviceState(
            ieeeAddress, record.DeviceJson, new DeviceSnapshot(definition, values, usage, lastSeen), record.StateChanges, usageSettings ?? DeviceUsageSettings.Utc);
    }

    private static IReadOnlyList<DailyUsage> DaysOf(DeviceStateSnapshot record, int i)
    {
        if (record.UsageDays is not { } allDays || record.UsageDayCounts is not { } allCounts || i >= allDays.Length || i >= allCounts.Length)
        {
            return [];
        }

        var width = UsageOrigins.All.Count;
        var days = allDays[i];
        var counts = allCounts[i];
        return days.Select((day, d) => new DailyUsage(
            DateOnly.FromDayNumber(day),
            OriginCounts.FromArray(counts.Skip(d * width).Take(width).ToArray()))).ToList();
    }

    private static DeviceFeature? FeatureAt(ZigbeeDevice? device, string statePath) =>
        device?.Features.FirstOrDefault(f => string.Equals(f.StatePath, statePath, StringComparison.Ordinal));

    private static ZigbeeDevice? ParseDefinition(string deviceJson) =>
        BridgeDevicesParser.Parse(System.Text.Encoding.UTF8.GetBytes($"[{deviceJson}]")).Devices.FirstOrDefault();
}
