using HaIngestor.Domain.Events;

namespace HaIngestor.Domain.Devices;

/// <summary>
/// Everything known about one device: its definition, its last state and the usage of each property.
/// Immutable; the DeviceActor holds one and replaces it with what <see cref="Apply"/> returns.
/// </summary>
/// <remarks>
/// Values are canonical JSON text (<see cref="JsonValueText"/>), as <see cref="DeviceStatePayload.TryFlatten"/>
/// produces them. Keys for which <see cref="DeviceStatePayload.IsIgnoredKey"/> holds are never diffed, so they are
/// neither usage nor entity changes.
/// </remarks>
public sealed record DeviceSnapshot(
    ZigbeeDevice? Definition,
    IReadOnlyDictionary<string, string> LastValues,
    IReadOnlyDictionary<string, FeatureUsage> Usage,
    DateTimeOffset? LastSeen)
{
    public const int MaxDistinctValues = 32;

    /// <summary>Per-day usage is kept as long as the L2 daily aggregates (Storage:AggregateRetentionDays).</summary>
    public const int DefaultDaysKept = 90;

    /// <summary>Live messages of a device this close together mean the daemon was listening all the time between them.</summary>
    /// <remarks>
    /// A device that reports nothing for longer is taken as unheard: the daemon may have been stopped, and history from
    /// then is the only record of its uses. Most devices report at least every few minutes while the daemon runs.
    /// </remarks>
    public static readonly TimeSpan LiveGap = TimeSpan.FromHours(1);

    /// <summary>How far apart Home Assistant's time of a change and the daemon's time of its MQTT message may be.</summary>
    public static readonly TimeSpan LiveSlack = TimeSpan.FromMinutes(1);

    public static DeviceSnapshot Empty { get; } =
        new(null, new Dictionary<string, string>(), new Dictionary<string, FeatureUsage>(), null);

    /// <summary>Per state path, the times imported history already covered (from its first to its last change there).</summary>
    public IReadOnlyDictionary<string, TimeRanges> Imported { get; init; } = new Dictionary<string, TimeRanges>(StringComparer.Ordinal);

    /// <summary>When the daemon heard the device live: its messages, joined while less than <see cref="LiveGap"/> apart.</summary>
    public TimeRanges Live { get; init; } = TimeRanges.None;

    public DeviceSnapshot WithDefinition(ZigbeeDevice definition) => this with { Definition = definition };

    /// <summary>What changed between the last state and <paramref name="values"/> (state path → JSON text).</summary>
    /// <remarks>
    /// A key absent from <paramref name="values"/> is not a change (messages may be partial). A key seen for the first
    /// time is a change with a null <see cref="PropertyChange.OldValue"/>. Order follows <paramref name="values"/>.
    /// </remarks>
    public IReadOnlyList<PropertyChange> Diff(IReadOnlyDictionary<string, string> values)
    {
        var changes = new List<PropertyChange>();
        foreach (var (path, value) in values)
        {
            if (DeviceStatePayload.IsIgnoredKey(path))
            {
                continue;
            }

            var last = LastValues.GetValueOrDefault(path);
            if (DeviceStatePayload.IsEventKey(path))
            {
                // Every message carrying an event reports a new one; an emptied action is a reset, not an event.
                if (value is not ("\"\"" or "null"))
                {
                    changes.Add(new PropertyChange(path, last, value));
                }
            }
            else if (!string.Equals(last, value, StringComparison.Ordinal))
            {
                changes.Add(new PropertyChange(path, last, value));
            }
        }

        return changes;
    }

    /// <summary>Applies observed changes at <paramref name="time"/>: last values, change counts, distinct values.</summary>
    /// <remarks>
    /// Call it for every message, even one without changes: it also marks the device as seen. A first value (null
    /// <see cref="PropertyChange.OldValue"/>) sets the last and distinct values but counts as no change: every device
    /// publishes its whole state when it connects, which says nothing about use. A change without an origin gets the
    /// MQTT rule (<see cref="UsageOrigins.FromMqtt"/>). <paramref name="day"/> is the home's local day of
    /// <paramref name="time"/>; per-day counts keep the <paramref name="daysKept"/> days ending with the newest.
    /// </remarks>
    public DeviceSnapshot Apply(IReadOnlyList<PropertyChange> changes, DateTimeOffset time, DateOnly day, int daysKept = DefaultDaysKept)
    {
        var lastSeen = LastSeen is { } seen && seen > time ? seen : time;
        var live = Live.Add(new TimeRange(time, time), LiveGap);
        if (changes.Count == 0)
        {
            return this with { LastSeen = lastSeen, Live = live };
        }

        var values = new Dictionary<string, string>(LastValues, StringComparer.Ordinal);
        var usage = new Dictionary<string, FeatureUsage>(Usage, StringComparer.Ordinal);
        foreach (var change in changes)
        {
            values[change.StatePath] = change.NewValue;
            if (DeviceStatePayload.IsIgnoredKey(change.StatePath))
            {
                continue;
            }

            var before = usage.GetValueOrDefault(change.StatePath) ?? FeatureUsage.Unused;
            var counted = IsUse(change) ? before.Count(OriginOf(change), day, daysKept) : before;
            usage[change.StatePath] = counted with
            {
                LastValue = change.NewValue,
                LastChanged = IsUse(change) ? time : before.LastChanged,
                DistinctValues = WithDistinct(before.DistinctValues, change.NewValue),
            };
        }

        return this with { LastValues = values, Usage = usage, LastSeen = lastSeen, Live = live };
    }

    /// <summary>Which imported changes count: those neither imported before nor heard live.</summary>
    /// <remarks>
    /// History is imported again (a longer export, the same file twice) once L1 no longer holds the rows that would
    /// mark it as duplicate, and it also holds the changes the daemon already counted from MQTT: a change of a feature
    /// inside a range an earlier import covered for that feature, or inside the device's <see cref="Live"/> coverage
    /// (widened by <see cref="LiveSlack"/>), is skipped, so each real change counts once. <paramref name="importedBefore"/>
    /// is the coverage before the import that sends these changes in parts (its earlier parts do not hide its later
    /// ones); the current one when null.
    /// </remarks>
    public ImportSelection SelectImported(IReadOnlyList<ImportedChange> changes, IReadOnlyDictionary<string, TimeRanges>? importedBefore = null)
    {
        var before = importedBefore ?? Imported;
        var counted = new List<ImportedChange>(changes.Count);
        var covered = new Dictionary<string, TimeRange>(StringComparer.Ordinal);
        long skippedImported = 0;
        long skippedLive = 0;
        foreach (var change in changes)
        {
            var path = change.Change.StatePath;
            covered[path] = covered.TryGetValue(path, out var range)
                ? new TimeRange(range.From < change.Time ? range.From : change.Time, range.To > change.Time ? range.To : change.Time)
                : new TimeRange(change.Time, change.Time);
            if (before.GetValueOrDefault(path) is { } imported && imported.Contains(change.Time))
            {
                skippedImported += IsUse(change.Change) ? 1 : 0;
            }
            else if (Live.Contains(change.Time, LiveSlack))
            {
                skippedLive += IsUse(change.Change) ? 1 : 0;
            }
            else
            {
                counted.Add(change);
            }
        }

        return new ImportSelection(counted, covered, skippedImported, skippedLive);
    }

    /// <summary>
    /// Counts uses found in imported history. They are past: they change neither the device's last state (live
    /// messages are diffed against it) nor when it was last seen, and a feature's last value only when they are newer.
    /// </summary>
    /// <remarks><paramref name="covered"/> is added to <see cref="Imported"/>: the ranges the import went through, per path.</remarks>
    public DeviceSnapshot ApplyImported(
        IReadOnlyList<ImportedChange> changes, int daysKept = DefaultDaysKept, IReadOnlyDictionary<string, TimeRange>? covered = null)
    {
        var imported = Imported;
        if (covered is { Count: > 0 })
        {
            var ranges = new Dictionary<string, TimeRanges>(Imported, StringComparer.Ordinal);
            foreach (var (path, range) in covered)
            {
                ranges[path] = (ranges.GetValueOrDefault(path) ?? TimeRanges.None).Add(range);
            }

            imported = ranges;
        }

        if (changes.Count == 0)
        {
            return this with { Imported = imported };
        }

        var usage = new Dictionary<string, FeatureUsage>(Usage, StringComparer.Ordinal);
        foreach (var (time, day, change) in changes)
        {
            if (DeviceStatePayload.IsIgnoredKey(change.StatePath))
            {
                continue;
            }

            var before = usage.GetValueOrDefault(change.StatePath) ?? FeatureUsage.Unused;
            var use = IsUse(change);
            var counted = use ? before.Count(OriginOf(change), day, daysKept) : before;
            var newer = before.LastValue is null || (use && before.LastChanged is { } last && time >= last);
            usage[change.StatePath] = counted with
            {
                LastValue = newer ? change.NewValue : before.LastValue,
                LastChanged = use && !(before.LastChanged > time) ? time : before.LastChanged,
                DistinctValues = WithDistinct(before.DistinctValues, change.NewValue),
            };
        }

        return this with { Usage = usage, Imported = imported };
    }

    /// <summary>The HA entity state changes that <paramref name="changes"/> amount to (for the L1 store).</summary>
    /// <remarks>
    /// Per ENTITY_MAPPING.md via <see cref="EntityMapping"/>; none without a definition. A change whose value gives no
    /// state, or whose old and new values give the same state, yields nothing. MQTT carries no HA context, so the
    /// origin is <see cref="Origin.Manual"/>.
    /// </remarks>
    public IReadOnlyList<StateChange> ToStateChanges(IReadOnlyList<PropertyChange> changes, DateTimeOffset time)
    {
        if (Definition is not { } device || changes.Count == 0)
        {
            return [];
        }

        var area = EntityNaming.AreaOf(device.FriendlyName);
        var result = new List<StateChange>();
        foreach (var change in changes)
        {
            var feature = FeatureAt(device, change.StatePath);
            if (feature is null || !EntityMapping.TryMap(device, feature, change.NewValue, out var entityId, out var state))
            {
                continue;
            }

            var oldState = change.OldValue is null ? null : EntityMapping.StateOf(feature, change.OldValue);
            if (oldState != state || DeviceStatePayload.IsEventKey(change.StatePath))
            {
                result.Add(new StateChange(time, entityId, state, oldState, area, Origin.Manual));
            }
        }

        return result;
    }

    /// <summary>
    /// Controllable features (settable, published in the state, not config or diagnostic) and those used: ever when
    /// <paramref name="window"/> is null, else on its local days.
    /// </summary>
    public DeviceUtilisation Utilisation(UsageWindow? window = null)
    {
        var controllable = new List<string>();
        var used = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var feature in Definition?.Features ?? [])
        {
            if (feature.Role != FeatureRole.Controllable || !feature.Access.State
                || DeviceStatePayload.IsIgnoredKey(feature.StatePath) || !seen.Add(feature.StatePath))
            {
                continue;
            }

            controllable.Add(feature.StatePath);
            if (Usage.GetValueOrDefault(feature.StatePath) is { } usage && usage.ChangesIn(window) > 0)
            {
                used.Add(feature.StatePath);
            }
        }

        return new DeviceUtilisation(controllable, used);
    }

    /// <summary>The feature of the definition at <paramref name="statePath"/>, if any.</summary>
    public DeviceFeature? FeatureAt(string statePath) => Definition is { } device ? FeatureAt(device, statePath) : null;

    /// <summary>Whether a change counts as a use: an event, or a value that moved from a known one (not a first value).</summary>
    public static bool IsUse(PropertyChange change) =>
        DeviceStatePayload.IsEventKey(change.StatePath)
        || (change.OldValue is not null && !string.Equals(change.OldValue, change.NewValue, StringComparison.Ordinal));

    private UsageOrigin OriginOf(PropertyChange change) => change.Origin ?? UsageOrigins.FromMqtt(FeatureAt(change.StatePath), change.StatePath);

    private static DeviceFeature? FeatureAt(ZigbeeDevice device, string statePath)
    {
        foreach (var feature in device.Features)
        {
            if (string.Equals(feature.StatePath, statePath, StringComparison.Ordinal))
            {
                return feature;
            }
        }

        return null;
    }

    private static IReadOnlyList<string> WithDistinct(IReadOnlyList<string> distinct, string value)
    {
        if (distinct.Count >= MaxDistinctValues || distinct.Contains(value, StringComparer.Ordinal))
        {
            return distinct;
        }

        return [.. distinct, value];
    }
}
