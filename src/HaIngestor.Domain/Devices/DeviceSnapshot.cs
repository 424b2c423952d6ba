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

    public static DeviceSnapshot Empty { get; } =
        new(null, new Dictionary<string, string>(), new Dictionary<string, FeatureUsage>(), null);

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
    /// publishes its whole state when it connects, which says nothing about use.
    /// </remarks>
    public DeviceSnapshot Apply(IReadOnlyList<PropertyChange> changes, DateTimeOffset time)
    {
        var lastSeen = LastSeen is { } seen && seen > time ? seen : time;
        if (changes.Count == 0)
        {
            return this with { LastSeen = lastSeen };
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

            var before = usage.GetValueOrDefault(change.StatePath) ?? new FeatureUsage(0, null, null, []);
            // An event (a button press) is a use even the first time; a state is used when it moves.
            var transition = DeviceStatePayload.IsEventKey(change.StatePath)
                || (change.OldValue is not null && !string.Equals(change.OldValue, change.NewValue, StringComparison.Ordinal));
            usage[change.StatePath] = new FeatureUsage(
                before.ChangeCount + (transition ? 1 : 0),
                change.NewValue,
                transition ? time : before.LastChanged,
                WithDistinct(before.DistinctValues, change.NewValue));
        }

        return new DeviceSnapshot(Definition, values, usage, lastSeen);
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

    /// <summary>Controllable features (settable, published in the state, not config or diagnostic) and those used.</summary>
    public DeviceUtilisation Utilisation()
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
            if (Usage.GetValueOrDefault(feature.StatePath) is { ChangeCount: > 0 })
            {
                used.Add(feature.StatePath);
            }
        }

        return new DeviceUtilisation(controllable, used);
    }

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
