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

    /// <summary>An event written before ranges were kept counted all its uses: they are what it covered.</summary>
    public DeviceState Apply(DeviceUsageImported imported)
    {
        var changes = ToImportedChanges(imported.AtUnixMs.Select(DateTimeOffset.FromUnixTimeMilliseconds).ToArray(), imported.Paths, imported.OldValues, imported.NewValues, imported.Origins);
        var covered = imported is { CoveredPaths: { } paths, CoveredFromUnixMs: { } from, CoveredToUnixMs: { } to }
            ? paths.Select((path, i) => (path, range: new TimeRange(DateTimeOffset.FromUnixTimeMilliseconds(from[i]), DateTimeOffset.FromUnixTimeMilliseconds(to[i]))))
                .ToDictionary(p => p.path, p => p.range, StringComparer.Ordinal)
            : Snapshot.SelectImported(changes, new Dictionary<string, TimeRanges>()).Covered;
        return this with { Snapshot = Snapshot.ApplyImported(changes, UsageSettings.DaysKept, covered) };
    }

    /// <summary>The imported changes of <paramref name="uses"/> with their local days.</summary>
    public IReadOnlyList<ImportedChange> ToImportedChanges(IReadOnlyList<DeviceFeatureUse> uses) =>
        uses.Select(u => new ImportedChange(u.Time, UsageSettings.LocalDay(u.Time), u.Change)).ToList();

    private List<ImportedChange> ToImportedChanges(DateTimeOffset[] at, string[] paths, string?[] oldValues, string[] newValues, string[] origins)
    {
        var changes = new List<ImportedChange>(paths.Length);
        for (var i = 0; i < paths.Length; i++)
        {
            var origin = UsageOrigins.FromName(origins[i]) ?? UsageOrigin.Unknown;
            changes.Add(new ImportedChange(at[i], UsageSettings.LocalDay(at[i]), new PropertyChange(paths[i], oldValues[i], newValues[i], origin)));
        }

        return changes;
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

    public static DeviceUsageImported ToEvent(ImportSelection selection)
    {
        var uses = selection.Counted;
        var covered = selection.Covered.OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        return new(
            uses.Select(u => u.Time.ToUnixTimeMilliseconds()).ToArray(),
            uses.Select(u => u.Change.StatePath).ToArray(),
            uses.Select(u => u.Change.OldValue).ToArray(),
            uses.Select(u => u.Change.NewValue).ToArray(),
            uses.Select(u => UsageOrigins.Name(u.Change.Origin ?? UsageOrigin.Unknown)).ToArray(),
            covered.Select(c => c.Key).ToArray(),
            covered.Select(c => c.Value.From.ToUnixTimeMilliseconds()).ToArray(),
            covered.Select(c => c.Value.To.ToUnixTimeMilliseconds()).ToArray());
    }

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
        var imported = Snapshot.Imported.OrderBy(i => i.Key, StringComparer.Ordinal).ToList();
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
            usage.Select(u => u.Value.Days.SelectMany(d => d.Counts.ToArray()).ToArray()).ToArray(),
            imported.Select(i => i.Key).ToArray(),
            imported.Select(i => ToPairs(i.Value)).ToArray(),
            ToPairs(Snapshot.Live));
    }

    private static long[] ToPairs(TimeRanges ranges) =>
        ranges.Ranges.SelectMany(r => new[] { r.From.ToUnixTimeMilliseconds(), r.To.ToUnixTimeMilliseconds() }).ToArray();

    private static TimeRanges FromPairs(long[] pairs) =>
        new(Enumerable.Range(0, pairs.Length / 2)
            .Select(i => new TimeRange(DateTimeOffset.FromUnixTimeMilliseconds(pairs[2 * i]), DateTimeOffset.FromUnixTimeMilliseconds(pairs[(2 * i) + 1])))
            .ToList());

    /// <summary>
    /// A snapshot written before origins and days were kept recovers its totals with the MQTT rule's origin (it only
    /// ever saw MQTT) and no per-day counts; one written before imported and live ranges were kept, with none (the
    /// events after it add theirs).
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
        var imported = (record.ImportedPaths ?? []).Select((path, i) => (path, ranges: record.ImportedRanges is { } all && i < all.Length ? FromPairs(all[i]) : TimeRanges.None))
            .ToDictionary(p => p.path, p => p.ranges, StringComparer.Ordinal);
        var snapshot = new DeviceSnapshot(definition, values, usage, lastSeen)
        {
            Imported = imported,
            Live = record.LiveRanges is { } live ? FromPairs(live) : TimeRanges.None,
        };
        return new DeviceState(ieeeAddress, record.DeviceJson, snapshot, record.StateChanges, usageSettings ?? DeviceUsageSettings.Utc);
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
