namespace HaIngestor.Domain.Devices;

/// <summary>Reads a <c>zigbee2mqtt/&lt;name&gt;</c> state payload.</summary>
public static class DeviceStatePayload
{
    /// <summary>
    /// Flattens a JSON object payload into state path → JSON value text (<c>color.x</c> → <c>0.3</c>;
    /// arrays are kept whole as one value). Returns false with an error message when the payload is not a
    /// JSON object. Never throws.
    /// </summary>
    public static bool TryFlatten(ReadOnlySpan<byte> utf8Json, out IReadOnlyDictionary<string, string> values, out string? error) =>
        throw new NotImplementedException("being written on branch devices");
}
