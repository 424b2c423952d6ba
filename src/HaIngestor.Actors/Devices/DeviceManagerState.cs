using HaIngestor.Actors.Protocol;
using HaIngestor.Domain.Devices;

namespace HaIngestor.Actors.Devices;

/// <summary>
/// What the device manager persists: the summary of the last device list (so a restart compares the next list with
/// it instead of announcing every device again) and a bounded history of changes. Pure: events turn one into the next.
/// </summary>
public sealed record DeviceManagerState(IReadOnlyList<DeviceListEntry> Entries, IReadOnlyList<DeviceListChange> History)
{
    public const int MaxHistory = 500;

    public static DeviceManagerState Empty { get; } = new([], []);

    public DeviceManagerState Apply(DeviceListChanged changed)
    {
        var changes = ToChanges(changed);
        var history = History.Concat(changes).ToList();
        return new DeviceManagerState(
            DeviceListDiff.Apply(Entries, changes),
            history.Count > MaxHistory ? history[^MaxHistory..] : history);
    }

    public static DeviceListChanged ToEvent(IReadOnlyList<DeviceListChange> changes, DateTimeOffset at) =>
        new(
            at.ToUnixTimeMilliseconds(),
            changes.Select(c => c.KindName).ToArray(),
            changes.Select(c => c.IeeeAddress).ToArray(),
            changes.Select(c => c.FriendlyName).ToArray(),
            changes.Select(c => c.PreviousFriendlyName).ToArray(),
            changes.Select(c => c.AddedFeatures.ToArray()).ToArray(),
            changes.Select(c => c.RemovedFeatures.ToArray()).ToArray());

    /// <summary>The changes of a persisted event; an unknown kind (written by a newer version) is skipped.</summary>
    public static IReadOnlyList<DeviceListChange> ToChanges(DeviceListChanged changed)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(changed.AtUnixMs);
        var changes = new List<DeviceListChange>(changed.Kinds.Length);
        for (var i = 0; i < changed.Kinds.Length; i++)
        {
            if (DeviceListChange.KindOf(changed.Kinds[i]) is { } kind)
            {
                changes.Add(new DeviceListChange(
                    kind, at, changed.IeeeAddresses[i], changed.FriendlyNames[i], changed.PreviousFriendlyNames[i],
                    changed.AddedFeatures[i], changed.RemovedFeatures[i]));
            }
        }

        return changes;
    }

    public DeviceManagerSnapshot ToSnapshotRecord() =>
        new(
            Entries.Select(e => e.IeeeAddress).ToArray(),
            Entries.Select(e => e.FriendlyName).ToArray(),
            Entries.Select(e => e.Features.ToArray()).ToArray(),
            History.GroupBy(c => c.At).Select(g => ToEvent(g.ToList(), g.Key)).ToArray());

    public static DeviceManagerState FromSnapshotRecord(DeviceManagerSnapshot record) =>
        new(
            record.IeeeAddresses.Select((ieee, i) => new DeviceListEntry(ieee, record.FriendlyNames[i], record.Features[i])).ToList(),
            record.History.SelectMany(ToChanges).ToList());
}
