using HaIngestor.Domain.Devices;

namespace HaIngestor.Actors.Protocol;

/// <summary>The retained <c>zigbee2mqtt/bridge/devices</c> payload.</summary>
public sealed record DeviceListReceived(byte[] Payload);

/// <summary>The retained <c>zigbee2mqtt/bridge/groups</c> payload.</summary>
public sealed record GroupListReceived(byte[] Payload);

/// <summary>A <c>zigbee2mqtt/&lt;friendly name&gt;</c> state payload.</summary>
public sealed record DeviceStateReceived(string FriendlyName, byte[] Payload, DateTimeOffset ReceivedAt);

/// <summary>A <c>zigbee2mqtt/&lt;friendly name&gt;/availability</c> payload (<c>{"state":"online"}</c> or legacy <c>online</c>).</summary>
public sealed record DeviceAvailabilityReceived(string FriendlyName, byte[] Payload);

/// <summary>
/// A <c>zigbee2mqtt/&lt;name&gt;/set</c> command (or <c>/set/&lt;attribute&gt;</c> with the value as payload), as Home
/// Assistant and its automations send them: it tells a commanded change from a physical one.
/// </summary>
public sealed record DeviceCommandReceived(string FriendlyName, string? Attribute, byte[] Payload, DateTimeOffset ReceivedAt);

/// <summary>A command to a name that is neither a device nor a known group: any device may change because of it.</summary>
public sealed record GroupCommandSeen(DateTimeOffset ReceivedAt);

/// <summary>A device actor could not read a payload of <paramref name="Topic"/>.</summary>
public sealed record BadPayloadReported(string Topic);

public sealed record GetDevices
{
    public static GetDevices Instance { get; } = new();
}

/// <summary>One device as the daemon lists it.</summary>
public sealed record DeviceSummary(
    string IeeeAddress,
    string FriendlyName,
    string? Model,
    string? Vendor,
    int FeatureCount,
    DateTimeOffset? LastSeen,
    string? Availability);

public sealed record DevicesView(IReadOnlyList<DeviceSummary> Devices);

/// <summary>Asks for the current capability snapshot (phase 1 of a run).</summary>
public sealed record GetCapabilities
{
    public static GetCapabilities Instance { get; } = new();
}

/// <summary>The devices of the latest device list, or none when no list has arrived yet.</summary>
public sealed record CapabilitySnapshot(IReadOnlyList<ZigbeeDevice> Devices, DateTimeOffset? ListReceivedAt);

public sealed record GetDeviceManagerStatus
{
    public static GetDeviceManagerStatus Instance { get; } = new();
}

/// <param name="Devices">Devices of the latest list.</param>
/// <param name="DeviceLists">Device lists received.</param>
/// <param name="DeviceErrors">Devices (or whole lists) that could not be parsed.</param>
/// <param name="StateMessages">State messages routed to a device.</param>
/// <param name="UnknownDeviceMessages">State messages for a friendly name not in the device list.</param>
/// <param name="BadPayloadsByTopic">Unreadable payloads, per topic.</param>
public sealed record DeviceManagerStatus(
    int Devices,
    long DeviceLists,
    long DeviceErrors,
    long StateMessages,
    long UnknownDeviceMessages,
    IReadOnlyDictionary<string, long> BadPayloadsByTopic);

/// <summary>Replies <see cref="DevicesDrained"/> once every device actor has handled what it was sent before.</summary>
public sealed record DrainDevices
{
    public static DrainDevices Instance { get; } = new();
}

/// <summary>How many device actors confirmed, and how many did not within the time allowed.</summary>
public sealed record DevicesDrained(int Drained, int TimedOut);

/// <summary>Asks for the device-list change history; answered by <see cref="DeviceChangesView"/>.</summary>
public sealed record GetDeviceChanges
{
    public static GetDeviceChanges Instance { get; } = new();
}

/// <summary>The kept device-list changes, newest first.</summary>
public sealed record DeviceChangesView(IReadOnlyList<DeviceListChange> Changes);

/// <summary>Persisted: the changes one device list brought, as parallel arrays (kinds by their JSON names).</summary>
public sealed record DeviceListChanged(
    long AtUnixMs,
    string[] Kinds,
    string[] IeeeAddresses,
    string[] FriendlyNames,
    string?[] PreviousFriendlyNames,
    string[][] AddedFeatures,
    string[][] RemovedFeatures);

/// <summary>Persisted snapshot of the device manager: the last list's summary and the kept history, oldest first.</summary>
public sealed record DeviceManagerSnapshot(string[] IeeeAddresses, string[] FriendlyNames, string[][] Features, DeviceListChanged[] History);

/// <summary>Asks for each device's definition and usage (phase 4 of a run, the REST usage view); with an ieee address, that device only.</summary>
public sealed record GetDeviceUsage(string? IeeeAddress = null)
{
    public static GetDeviceUsage All { get; } = new();
}

/// <summary>One device of the latest list with what its device actor knows.</summary>
/// <param name="Device">The device as the latest list describes it.</param>
/// <param name="Snapshot">Its definition, last values and usage per property (empty usage when its actor did not answer).</param>
/// <param name="StateChanges">State messages that changed something.</param>
/// <param name="Availability">online / offline, when Zigbee2MQTT reports availability.</param>
public sealed record DeviceUsage(ZigbeeDevice Device, DeviceSnapshot Snapshot, long StateChanges, string? Availability);

/// <summary>The devices asked for, in device-list order; empty for an unknown ieee address.</summary>
public sealed record DeviceUsageView(IReadOnlyList<DeviceUsage> Devices);

/// <summary>
/// Asks for the device definitions the manager knows: the latest device list, or, before one arrived since start, the
/// definitions the device actors persisted for the last list's devices. Answered by <see cref="KnownDevices"/>.
/// </summary>
public sealed record GetKnownDevices
{
    public static GetKnownDevices Instance { get; } = new();
}

public sealed record KnownDevices(IReadOnlyList<ZigbeeDevice> Devices);

/// <summary>
/// The manager to itself after recovery: the definitions its device actors persisted for the last list's devices, so
/// that the REST views, routing and the analysis know the devices before Zigbee2MQTT publishes its list again.
/// </summary>
public sealed record PersistedDevicesRecovered(IReadOnlyList<ZigbeeDevice> Devices);
