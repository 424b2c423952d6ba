using System.Text.Json;

namespace HaIngestor.Domain.Devices;

/// <summary>Parses the retained <c>zigbee2mqtt/bridge/groups</c> payload. Never throws.</summary>
/// <remarks>
/// Read one group at a time like the device list: a payload that breaks off still yields every group before the damage,
/// plus one error; a group that cannot be read is an error and the others are kept. A member without an ieee address
/// names no device and is skipped.
/// </remarks>
public static class BridgeGroupsParser
{
    public static BridgeGroupsParseResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        var groups = new List<ZigbeeGroup>();
        var errors = new List<string>();
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        var index = 0;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = BridgeDevicesParser.MaxJsonDepth });
            if (!reader.Read())
            {
                errors.Add("the group list is empty");
                return new BridgeGroupsParseResult(groups, errors);
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                errors.Add($"the group list is not a JSON array (it starts with {reader.TokenType})");
                return new BridgeGroupsParseResult(groups, errors);
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                using var document = JsonDocument.ParseValue(ref reader);
                if (ReadGroup(document.RootElement, index, errors) is { } group)
                {
                    groups.Add(group);
                }

                index++;
            }

            if (reader.TokenType != JsonTokenType.EndArray)
            {
                errors.Add($"the group list ends after group #{index} without closing the array");
            }
            else if (reader.Read())
            {
                errors.Add("the group list has content after the array");
            }
        }
        catch (JsonException ex)
        {
            errors.Add($"the group list is not valid JSON from group #{index} on: {ex.Message}");
        }

        return new BridgeGroupsParseResult(groups, errors);
    }

    private static ZigbeeGroup? ReadGroup(JsonElement element, int index, List<string> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"group #{index} is a JSON {element.ValueKind.ToString().ToLowerInvariant()}, not an object");
            return null;
        }

        try
        {
            if (Json.String(element, "friendly_name") is not { Length: > 0 } name)
            {
                errors.Add($"group #{index} has no friendly_name");
                return null;
            }

            if (!element.TryGetProperty("members", out var members) || members.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"group #{index} ({name}) has no members array");
                return null;
            }

            var ieees = new List<string>();
            foreach (var member in members.EnumerateArray())
            {
                if (member.ValueKind == JsonValueKind.Object && Json.String(member, "ieee_address") is { Length: > 0 } ieee && !ieees.Contains(ieee))
                {
                    ieees.Add(ieee);
                }
            }

            return new ZigbeeGroup(name, ieees);
        }
        catch (InvalidOperationException ex)
        {
            // A string with an escaped lone surrogate cannot be read as text.
            errors.Add($"group #{index} holds unreadable text: {ex.Message}");
            return null;
        }
    }
}
