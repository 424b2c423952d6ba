using System.Text.Json;

namespace HaIngestor.Domain.Devices;

/// <summary>Reads a <c>zigbee2mqtt/&lt;name&gt;</c> state payload.</summary>
public static class DeviceStatePayload
{
    private const int MaxDepth = 64;

    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>();

    /// <summary>
    /// Flattens a JSON object payload into state path → JSON value text (<c>color.x</c> → <c>0.3</c>;
    /// arrays are kept whole as one value). Returns false with an error message when the payload is not a
    /// JSON object. Never throws.
    /// </summary>
    /// <remarks>
    /// Values are canonical JSON text (<see cref="JsonValueText"/>): <c>"ON"</c> with its quotes, <c>true</c>,
    /// <c>21.5</c>, <c>[1,2]</c>, the same form as <see cref="DeviceFeature.ValueOn"/>. An empty nested object is
    /// kept as <c>{}</c> under its own path. When a key repeats, the last value wins.
    /// </remarks>
    public static bool TryFlatten(ReadOnlySpan<byte> utf8Json, out IReadOnlyDictionary<string, string> values, out string? error)
    {
        values = NoValues;
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MaxDepth });
            if (!reader.Read())
            {
                error = "the payload is empty";
                return false;
            }

            using var document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                error = "the payload has content after its JSON value";
                return false;
            }

            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = $"the payload is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object";
                return false;
            }

            var flat = new Dictionary<string, string>(StringComparer.Ordinal);
            Flatten(root, null, flat);
            values = flat;
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            error = $"the payload is not valid JSON: {ex.Message}";
            return false;
        }
    }

    /// <summary>
    /// Keys Zigbee2MQTT adds to every message that say nothing about how the device is used:
    /// <c>linkquality</c>, <c>last_seen</c>, <c>update</c> and its members. They are never usage and never entities.
    /// </summary>
    /// <summary>
    /// Event properties (a remote's <c>action</c>, legacy <c>click</c>): Zigbee2MQTT does not cache them, so each
    /// message carrying one reports a new event, even when it repeats the previous value.
    /// </summary>
    public static bool IsEventKey(string statePath) =>
        statePath is "action" or "click" || statePath.StartsWith("action_", StringComparison.Ordinal);

    public static bool IsIgnoredKey(string statePath) =>
        statePath is "linkquality" or "last_seen" or "update"
        || statePath.StartsWith("update.", StringComparison.Ordinal);

    private static void Flatten(JsonElement element, string? prefix, Dictionary<string, string> into)
    {
        foreach (var property in element.EnumerateObject())
        {
            var path = prefix is null ? property.Name : $"{prefix}.{property.Name}";
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Object && value.EnumerateObject().Any())
            {
                Flatten(value, path, into);
            }
            else
            {
                into[path] = JsonValueText.Of(value);
            }
        }
    }
}
