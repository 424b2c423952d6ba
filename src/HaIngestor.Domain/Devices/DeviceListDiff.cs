namespace HaIngestor.Domain.Devices;

/// <summary>
/// Compares two device lists by ieee address. A device in both lists yields a <see cref="DeviceListChangeKind.Renamed"/>
/// change when its friendly name differs and a <see cref="DeviceListChangeKind.FeaturesChanged"/> change when its
/// features differ (both when both happened). <see cref="Apply"/> turns the older list and the changes into the newer
/// one, so a consumer that keeps only the changes (a journal) can always rebuild the last list.
/// </summary>
public static class DeviceListDiff
{
    /// <summary>The summary of a parsed list; a device listed twice keeps its last entry, as Zigbee2MQTT would.</summary>
    public static IReadOnlyList<DeviceListEntry> Summarise(IEnumerable<ZigbeeDevice> devices)
    {
        var byIeee = new Dictionary<string, DeviceListEntry>(StringComparer.Ordinal);
        foreach (var device in devices)
        {
            byIeee[device.IeeeAddress] = DeviceListEntry.Of(device);
        }

        return Ordered(byIeee.Values);
    }

    /// <summary>The changes from <paramref name="previous"/> to <paramref name="current"/>, ordered by kind then ieee address.</summary>
    public static IReadOnlyList<DeviceListChange> Compare(
        IReadOnlyList<DeviceListEntry> previous,
        IReadOnlyList<DeviceListEntry> current,
        DateTimeOffset at)
    {
        var before = ByIeee(previous);
        var after = ByIeee(current);
        var changes = new List<DeviceListChange>();
        foreach (var (ieee, entry) in after)
        {
            if (!before.TryGetValue(ieee, out var old))
            {
                changes.Add(new DeviceListChange(DeviceListChangeKind.Added, at, ieee, entry.FriendlyName, null, entry.Features, []));
                continue;
            }

            if (old.FriendlyName != entry.FriendlyName)
            {
                changes.Add(new DeviceListChange(DeviceListChangeKind.Renamed, at, ieee, entry.FriendlyName, old.FriendlyName, [], []));
            }

            var added = entry.Features.Except(old.Features, StringComparer.Ordinal).ToList();
            var removed = old.Features.Except(entry.Features, StringComparer.Ordinal).ToList();
            if (added.Count > 0 || removed.Count > 0)
            {
                changes.Add(new DeviceListChange(DeviceListChangeKind.FeaturesChanged, at, ieee, entry.FriendlyName, null, added, removed));
            }
        }

        foreach (var (ieee, old) in before)
        {
            if (!after.ContainsKey(ieee))
            {
                changes.Add(new DeviceListChange(DeviceListChangeKind.Removed, at, ieee, old.FriendlyName, null, [], old.Features));
            }
        }

        return changes.OrderBy(c => c.Kind).ThenBy(c => c.IeeeAddress, StringComparer.Ordinal).ToList();
    }

    /// <summary>The list <paramref name="changes"/> lead to from <paramref name="previous"/>, ordered by ieee address.</summary>
    public static IReadOnlyList<DeviceListEntry> Apply(IReadOnlyList<DeviceListEntry> previous, IEnumerable<DeviceListChange> changes)
    {
        var entries = ByIeee(previous);
        foreach (var change in changes)
        {
            var ieee = change.IeeeAddress;
            switch (change.Kind)
            {
                case DeviceListChangeKind.Added:
                    entries[ieee] = new DeviceListEntry(ieee, change.FriendlyName, DeviceListEntry.Sorted(change.AddedFeatures));
                    break;
                case DeviceListChangeKind.Removed:
                    entries.Remove(ieee);
                    break;
                case DeviceListChangeKind.Renamed when entries.TryGetValue(ieee, out var renamed):
                    entries[ieee] = renamed with { FriendlyName = change.FriendlyName };
                    break;
                case DeviceListChangeKind.FeaturesChanged when entries.TryGetValue(ieee, out var changed):
                    entries[ieee] = changed with
                    {
                        FriendlyName = change.FriendlyName,
                        Features = DeviceListEntry.Sorted(changed.Features.Except(change.RemovedFeatures, StringComparer.Ordinal).Concat(change.AddedFeatures)),
                    };
                    break;
            }
        }

        return Ordered(entries.Values);
    }

    private static Dictionary<string, DeviceListEntry> ByIeee(IReadOnlyList<DeviceListEntry> entries)
    {
        var result = new Dictionary<string, DeviceListEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            result[entry.IeeeAddress] = entry;
        }

        return result;
    }

    private static List<DeviceListEntry> Ordered(IEnumerable<DeviceListEntry> entries) =>
        entries.OrderBy(e => e.IeeeAddress, StringComparer.Ordinal).ToList();
}
