namespace HaIngestor.Domain.Devices;

/// <summary>What <see cref="DeviceSnapshot.SelectImported"/> made of imported changes.</summary>
/// <param name="Counted">The changes to apply.</param>
/// <param name="Covered">Per state path, from the first to the last of the changes offered (skipped ones included).</param>
/// <param name="SkippedImported">Uses skipped because an earlier import had counted them.</param>
/// <param name="SkippedLive">Uses skipped because the daemon heard the device live then.</param>
public sealed record ImportSelection(
    IReadOnlyList<ImportedChange> Counted, IReadOnlyDictionary<string, TimeRange> Covered, long SkippedImported, long SkippedLive);
