using System.Text.Json;
using HaIngestor.Domain.Time;

namespace HaIngestor.Storage.Sources;

/// <summary>
/// Reads home.json (<c>name, time_zone, latitude, longitude, areas, entities[{entity_id, area}]</c>) into a
/// <see cref="HomeProfile"/>. Everything but a valid IANA <c>time_zone</c> is optional, because without the
/// time zone no routine can be placed in local time.
/// </summary>
public static class HomeJsonReader
{
    /// <exception cref="HomeFileException">The file is missing, not JSON, holds unreadable text, or has no valid time_zone or coordinates.</exception>
    public static HomeProfile ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new HomeFileException(path, "file not found");
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            return Parse(document.RootElement, path);
        }
        catch (JsonException ex)
        {
            throw new HomeFileException(path, $"not valid JSON ({ex.Message})", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw UnreadableText(path, ex);
        }
        catch (IOException ex)
        {
            throw new HomeFileException(path, $"cannot be read ({ex.Message})", ex);
        }
    }

    /// <summary>Reads home.json content; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="HomeFileException">The content is not JSON, or has no valid time_zone or coordinates.</exception>
    public static HomeProfile Parse(string json, string source = "home.json")
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Parse(document.RootElement, source);
        }
        catch (JsonException ex)
        {
            throw new HomeFileException(source, $"not valid JSON ({ex.Message})", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw UnreadableText(source, ex);
        }
    }

    /// <summary>A string with an escaped lone surrogate is valid JSON but cannot be read as text.</summary>
    private static HomeFileException UnreadableText(string source, InvalidOperationException ex) =>
        new(source, $"holds text that is not valid Unicode ({ex.Message})", ex);

    private static HomeProfile Parse(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new HomeFileException(source, "the top level is not a JSON object");
        }

        var timeZone = Text(root, "time_zone");
        if (string.IsNullOrWhiteSpace(timeZone))
        {
            throw new HomeFileException(source, "no time_zone (an IANA name such as \"Europe/Madrid\" is required)");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            throw new HomeFileException(source, $"time_zone \"{timeZone}\" is not a known IANA time zone");
        }

        var entityAreas = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("entities", out var entities) && entities.ValueKind == JsonValueKind.Array)
        {
            foreach (var entity in entities.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
            {
                if (Text(entity, "entity_id") is { Length: > 0 } entityId && Text(entity, "area") is { Length: > 0 } area)
                {
                    entityAreas[entityId] = area;
                }
            }
        }

        var areas = new List<string>();
        if (root.TryGetProperty("areas", out var listed) && listed.ValueKind == JsonValueKind.Array)
        {
            areas.AddRange(listed.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).Where(a => a.Length > 0));
        }

        areas = areas.Concat(entityAreas.Values).Distinct(StringComparer.Ordinal).ToList();

        return new HomeProfile(
            Text(root, "name") ?? "home",
            timeZone,
            Coordinate(root, "latitude", 90, source),
            Coordinate(root, "longitude", 180, source),
            areas,
            entityAreas);
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Coordinate(JsonElement root, string name, double limit, string source)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.GetDouble() is var degrees && Math.Abs(degrees) <= limit
            ? degrees
            : throw new HomeFileException(source, $"{name} must be a number between -{limit} and {limit}");
    }
}
