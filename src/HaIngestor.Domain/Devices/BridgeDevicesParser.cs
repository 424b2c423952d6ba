using System.Text.Json;

namespace HaIngestor.Domain.Devices;

/// <summary>Parses the retained <c>zigbee2mqtt/bridge/devices</c> payload. Never throws.</summary>
/// <remarks>
/// The array is read one device at a time, so a payload that breaks off (truncated, corrupted) still yields every
/// device before the damage, plus one error. Within a well-formed array, a device that cannot be read becomes an
/// error and the others are unaffected. Zigbee2MQTT keys devices by IEEE address, so a device repeating an earlier
/// one's address is an error and the first stays. JSON deeper than <see cref="MaxJsonDepth"/> is rejected from that point.
/// </remarks>
public static class BridgeDevicesParser
{
    /// <summary>JSON nesting the reader accepts; deeper input is invalid from that point on.</summary>
    public const int MaxJsonDepth = 256;

    /// <summary>Expose nesting accepted per device (real devices nest 6 deep); a deeper device is an error.</summary>
    public const int MaxExposeNesting = 32;

    /// <summary>
    /// Parses a whole device list. A device that cannot be read becomes an entry of
    /// <see cref="BridgeDevicesParseResult.Errors"/>; the others are still returned. A payload that is not a
    /// JSON array yields no devices and one error.
    /// </summary>
    public static BridgeDevicesParseResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        var devices = new List<ZigbeeDevice>();
        var errors = new List<DeviceParseError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        var index = 0;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MaxJsonDepth });
            if (!reader.Read())
            {
                errors.Add(new DeviceParseError(null, "the device list is empty"));
                return new BridgeDevicesParseResult(devices, errors);
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                errors.Add(new DeviceParseError(null, $"the device list is not a JSON array (it starts with {reader.TokenType})"));
                return new BridgeDevicesParseResult(devices, errors);
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                using var document = JsonDocument.ParseValue(ref reader);
                ReadDevice(document.RootElement, index, seen, devices, errors);
                index++;
            }

            if (reader.TokenType != JsonTokenType.EndArray)
            {
                errors.Add(new DeviceParseError(null, $"the device list ends after device #{index} without closing the array"));
            }
            else if (reader.Read())
            {
                errors.Add(new DeviceParseError(null, "the device list has content after the array"));
            }
        }
        catch (JsonException ex)
        {
            errors.Add(new DeviceParseError(null, $"the device list is not valid JSON from device #{index} on: {ex.Message}"));
        }

        return new BridgeDevicesParseResult(devices, errors);
    }

    private static void ReadDevice(JsonElement element, int index, HashSet<string> seen, List<ZigbeeDevice> devices, List<DeviceParseError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new DeviceParseError(null, $"device #{index} is a JSON {element.ValueKind.ToString().ToLowerInvariant()}, not an object"));
            return;
        }

        string? ieee = null;
        try
        {
            ieee = Json.String(element, "ieee_address");
            if (string.IsNullOrWhiteSpace(ieee))
            {
                errors.Add(new DeviceParseError(null, $"device #{index} has no ieee_address"));
                return;
            }

            if (seen.Contains(ieee))
            {
                errors.Add(new DeviceParseError(ieee, $"device #{index} repeats the ieee_address of an earlier device, which is kept"));
                return;
            }

            var definition = element.TryGetProperty("definition", out var def) && def.ValueKind == JsonValueKind.Object ? def : (JsonElement?)null;
            var features = new List<DeviceFeature>();
            if (definition is { } d && d.TryGetProperty("exposes", out var exposes) && exposes.ValueKind == JsonValueKind.Array
                && !ExposeFlattener.TryFlatten(exposes, features, out var flattenError))
            {
                errors.Add(new DeviceParseError(ieee, $"device #{index}: {flattenError}"));
                return;
            }

            devices.Add(new ZigbeeDevice(
                IeeeAddress: ieee,
                // Zigbee2MQTT's default name is the IEEE address.
                FriendlyName: Json.String(element, "friendly_name") is { Length: > 0 } name ? name : ieee,
                Type: Json.String(element, "type") ?? "Unknown",
                Model: definition is { } m ? Json.String(m, "model") : null,
                Vendor: definition is { } v ? Json.String(v, "vendor") : null,
                Description: definition is { } s ? Json.String(s, "description") : null,
                Supported: Json.Bool(element, "supported") ?? false,
                Disabled: Json.Bool(element, "disabled") ?? false,
                InterviewState: InterviewStateOf(element, definition is not null),
                Features: features));
            seen.Add(ieee);
        }
        catch (InvalidOperationException ex)
        {
            // A string with an escaped lone surrogate cannot be read as text.
            errors.Add(new DeviceParseError(ieee, $"device #{index} holds unreadable text: {ex.Message}"));
        }
    }

    /// <summary>
    /// <c>interview_state</c> exists since Zigbee2MQTT 2.3.0; older payloads only have the deprecated booleans. A device
    /// that finished no interview but has a definition failed its interview.
    /// </summary>
    private static string InterviewStateOf(JsonElement device, bool hasDefinition) =>
        Json.String(device, "interview_state")
        ?? (Json.Bool(device, "interviewing") == true ? "IN_PROGRESS"
            : Json.Bool(device, "interview_completed") == true ? "SUCCESSFUL"
            : hasDefinition ? "FAILED"
            : "PENDING");
}
