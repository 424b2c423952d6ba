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
public sealed record DevicePropertiesChanged(long AtUnixMs, string[] Paths, string?[] OldValues, string[] NewValues);

/// <summary>Persisted snapshot of a device actor's state, in plain fields and parallel arrays.</summary>
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
    string[][] DistinctValues);

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
