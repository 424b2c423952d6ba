namespace HaIngestor.Domain.Devices;

/// <summary>What the device-list diff remembers of one device: its identity, its name and its features' state paths.</summary>
/// <param name="IeeeAddress">Stable identity.</param>
/// <param name="FriendlyName">Current name.</param>
/// <param name="Features">State paths of its leaf features, sorted ordinally, each once.</param>
public sealed record DeviceListEntry(string IeeeAddress, string FriendlyName, IReadOnlyList<string> Features)
{
    public static DeviceListEntry Of(ZigbeeDevice device) =>
        new(device.IeeeAddress, device.FriendlyName, Sorted(device.Features.Select(f => f.StatePath)));

    public static IReadOnlyList<string> Sorted(IEnumerable<string> features) =>
        features.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public bool Equals(DeviceListEntry? other) =>
        other is not null
        && IeeeAddress == other.IeeeAddress
        && FriendlyName == other.FriendlyName
        && Features.SequenceEqual(other.Features, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(IeeeAddress, FriendlyName, Features.Count);
}
