namespace HaIngestor.Domain.Devices;

/// <summary>Parses the retained <c>zigbee2mqtt/bridge/devices</c> payload. Never throws.</summary>
public static class BridgeDevicesParser
{
    /// <summary>
    /// Parses a whole device list. A device that cannot be read becomes an entry of
    /// <see cref="BridgeDevicesParseResult.Errors"/>; the others are still returned. A payload that is not a
    /// JSON array yields no devices and one error.
    /// </summary>
    public static BridgeDevicesParseResult Parse(ReadOnlySpan<byte> utf8Json) =>
        throw new NotImplementedException("being written on branch devices");
}
