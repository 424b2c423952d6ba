namespace HaIngestor.Domain.Devices;

/// <summary>What a device list parses into: every device that could be read, and what could not.</summary>
public sealed record BridgeDevicesParseResult(IReadOnlyList<ZigbeeDevice> Devices, IReadOnlyList<DeviceParseError> Errors);
