using HaIngestor.Domain.Events;

namespace HaIngestor.Domain.Devices;

/// <summary>
/// Everything known about one device: its definition, its last state and the usage of each property.
/// Immutable; the DeviceActor holds one and replaces it with what <see cref="Observe"/> returns.
/// </summary>
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
    public IReadOnlyList<PropertyChange> Diff(IReadOnlyDictionary<string, string> values) =>
        throw new NotImplementedException("being written on branch devices");

    /// <summary>Applies observed changes at <paramref name="time"/>: last values, change counts, distinct values.</summary>
    public DeviceSnapshot Apply(IReadOnlyList<PropertyChange> changes, DateTimeOffset time) =>
        throw new NotImplementedException("being written on branch devices");

    /// <summary>The HA entity state changes that <paramref name="changes"/> amount to (for the L1 store).</summary>
    public IReadOnlyList<StateChange> ToStateChanges(IReadOnlyList<PropertyChange> changes, DateTimeOffset time) =>
        throw new NotImplementedException("being written on branch devices");
}
