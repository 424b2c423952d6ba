using System.Text.Json;

namespace HaIngestor.Domain.Devices;

/// <summary>Lenient member reads: a member that is absent or of another JSON type reads as null.</summary>
internal static class Json
{
    public static string? String(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool? Bool(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            }
            : null;

    /// <summary>The member as canonical JSON text (<see cref="JsonValueText"/>), null when absent.</summary>
    public static string? ValueText(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) ? JsonValueText.Of(value) : null;
}
