using HaIngestor.Domain.Devices;

namespace HaIngestor.Actors.Protocol;

/// <summary>The device's entry of the device list, parsed and as raw JSON (what gets persisted).</summary>
public sealed record DefineDevice(ZigbeeDevice Device, string DeviceJson, DateTimeOffset ReceivedAt);

public sealed record GetDeviceSnapshot
{
    public static GetDeviceSnapshot Instance { get; } = new();
}

/// <summary>What one device actor knows.</summary>
/// <param name="IeeeAddress">The device identity.</param>
/// <param name="Snapshot">Definition, last values, usage per property.</param>
/// <param name="StateChanges">State messages that changed something (persisted events).</param>
public sealed record DeviceSnapshotView(string IeeeAddress, DeviceSnapshot Snapshot, long StateChanges);

/// <summary>Persisted: the device's definition changed (raw device list entry, re-parsed on recovery).</summary>
public sealed record DeviceDefinitionRecorded(string DeviceJson, long AtUnixMs);

/// <summary>Persisted: properties that took new values, as parallel arrays.</summary>
/// <param name="Origins">Usage origin names per property when the source told them; null (as in events written before
/// origins were kept) applies the MQTT rule on replay.</param>
public sealed record DevicePropertiesChanged(long AtUnixMs, string[] Paths, string?[] OldValues, string[] NewValues, string?[]? Origins = null);

/// <summary>Feature uses found in imported Home Assistant history, for one device; answered by <see cref="DeviceUsageImportedAck"/> once persisted.</summary>
/// <param name="ImportId">The same for every part of one import: its parts are checked against what was imported before it.</param>
public sealed record ImportDeviceUsage(string IeeeAddress, IReadOnlyList<DeviceFeatureUse> Uses, string? ImportId = null);

/// <summary>The imported uses of a device are persisted and counted.</summary>
/// <param name="Uses">Changes applied (first values included).</param>
/// <param name="Counted">Uses counted, by origin.</param>
/// <param name="SkippedImported">Uses skipped because an earlier import had counted them.</param>
/// <param name="SkippedLive">Uses skipped because the daemon had counted them from MQTT.</param>
public sealed record DeviceUsageImportedAck(string IeeeAddress, int Uses, OriginCounts Counted, long SkippedImported, long SkippedLive);

/// <summary>Persisted: feature uses from imported history that counted, as parallel arrays (origins by their JSON names).</summary>
/// <param name="CoveredPaths">With <paramref name="CoveredFromUnixMs"/> and <paramref name="CoveredToUnixMs"/>: the range the
/// import went through per state path. Null in events written before ranges were kept: their own uses give the ranges.</param>
public sealed record DeviceUsageImported(
    long[] AtUnixMs,
    string[] Paths,
    string?[] OldValues,
    string[] NewValues,
    string[] Origins,
    string[]? CoveredPaths = null,
    long[]? CoveredFromUnixMs = null,
    long[]? CoveredToUnixMs = null);

/// <summary>Persisted snapshot of a device actor's state, in plain fields and parallel arrays.</summary>
/// <remarks>
/// Per usage path: <c>OriginCounts</c> in <see cref="Domain.Devices.UsageOrigins.All"/> order, <c>UsageDays</c> as
/// <see cref="DateOnly.DayNumber"/>s and <c>UsageDayCounts</c> the origin counts of those days one after another.
/// <c>ImportedRanges</c> holds per <c>ImportedPaths</c> entry its ranges as from, to pairs of unix ms; <c>LiveRanges</c>
/// the live coverage likewise. Snapshots written before these existed have them null.
/// </remarks>
public sealed record DeviceStateSnapshot(
    string? DeviceJson,
    long? LastSeenUnixMs,
    long StateChanges,
    string[] ValuePaths,
    string[] Values,
    string[] UsagePaths,
    long[] ChangeCounts,
    string?[] LastValues,
    long?[] LastChangedUnixMs,
    string[][] DistinctValues,
    long[][]? OriginCounts = null,
    int[][]? UsageDays = null,
    long[][]? UsageDayCounts = null,
    string[]? ImportedPaths = null,
    long[][]? ImportedRanges = null,
    long[]? LiveRanges = null);

/// <summary>Answered in mailbox order, after every earlier message has been persisted and passed on.</summary>
public sealed record DrainDevice
{
    public static DrainDevice Instance { get; } = new();
}

public sealed record DeviceDrained
{
    public static DeviceDrained Instance { get; } = new();
}

/// <summary>Persisted: the property changes of several state messages written as one journal event.</summary>
public sealed record DevicePropertiesChangedBatch(DevicePropertiesChanged[] Changes);
