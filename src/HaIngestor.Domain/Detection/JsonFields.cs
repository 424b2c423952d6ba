using System.Globalization;
using System.Text.Json;

namespace HaIngestor.Domain.Detection;

/// <summary>
/// Reading the codecs' own JSON back: each accessor names the missing or mistyped field in a
/// <see cref="JsonException"/>, because a stored row that no longer reads is a bug worth a clear message.
/// </summary>
internal static class JsonFields
{
    public static JsonElement Required(JsonElement obj, string name, JsonValueKind kind)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"expected an object holding '{name}', found {obj.ValueKind}");
        }

        if (!obj.TryGetProperty(name, out var value))
        {
            throw new JsonException($"missing field '{name}'");
        }

        var matches = kind == JsonValueKind.True
            ? value.ValueKind is JsonValueKind.True or JsonValueKind.False
            : value.ValueKind == kind;
        return matches ? value : throw new JsonException($"field '{name}' should be {kind}, found {value.ValueKind}");
    }

    public static string String(JsonElement obj, string name) => Required(obj, name, JsonValueKind.String).GetString()!;

    public static string? OptionalString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static double Double(JsonElement obj, string name) => Required(obj, name, JsonValueKind.Number).GetDouble();

    public static double? OptionalDouble(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    public static int Int(JsonElement obj, string name) =>
        Required(obj, name, JsonValueKind.Number).TryGetInt32(out var n) ? n : throw new JsonException($"field '{name}' is not a 32-bit integer");

    public static long Long(JsonElement obj, string name) =>
        Required(obj, name, JsonValueKind.Number).TryGetInt64(out var n) ? n : throw new JsonException($"field '{name}' is not an integer");

    public static IReadOnlyList<string> Strings(JsonElement obj, string name) =>
        Required(obj, name, JsonValueKind.Array).EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new JsonException($"'{name}' holds a {e.ValueKind}, not a string"))
            .ToList();

    public static DateTimeOffset Instant(JsonElement obj, string name) =>
        IsoUtc.TryParse(String(obj, name), out var instant) ? instant : throw new JsonException($"field '{name}' is not an ISO-8601 time with an offset");

    public static DateOnly Date(string text, string name) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new JsonException($"'{name}' holds '{text}', not a YYYY-MM-DD date");

    public static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
