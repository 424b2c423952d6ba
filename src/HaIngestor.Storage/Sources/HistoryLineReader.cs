using System.Globalization;
using System.Text.Json;
using HaIngestor.Domain.Events;

namespace HaIngestor.Storage.Sources;

/// <summary>
/// Reads events.jsonl with each line's <c>attributes</c>, which device usage needs (brightness, colour, position...)
/// and the analysis reader drops for speed. One <see cref="JsonDocument"/> per line: imports are read once, so
/// clarity wins over speed here. The fields and checks are those of the analysis reader; a line that does not parse
/// is reported with its 1-based number and skipped, nothing else is lost.
/// </summary>
public static class HistoryLineReader
{
    /// <summary>Yields the lines of <paramref name="utf8"/> in file order.</summary>
    /// <param name="utf8">The events.jsonl content.</param>
    /// <param name="entityAreas">entity_id → area for lines without an area (home.json), or null.</param>
    /// <param name="onBadLine">Told about each skipped line.</param>
    public static IEnumerable<HistoryLine> Read(Stream utf8, IReadOnlyDictionary<string, string>? entityAreas, Action<JsonlLineError> onBadLine)
    {
        using var text = new StreamReader(utf8, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        long number = 0;
        while (text.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parsed = Parse(line, entityAreas, out var error);
            if (parsed is null)
            {
                onBadLine(new JsonlLineError(number, error!));
                continue;
            }

            yield return parsed;
        }
    }

    /// <summary>One line, or null with the reason.</summary>
    public static HistoryLine? Parse(string line, IReadOnlyDictionary<string, string>? entityAreas, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return FromObject(document.RootElement, entityAreas, out error);
        }
        catch (JsonException e)
        {
            error = $"invalid JSON: {e.Message}";
            return null;
        }
    }

    private static HistoryLine? FromObject(JsonElement root, IReadOnlyDictionary<string, string>? entityAreas, out string? error)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "not a JSON object";
            return null;
        }

        error = null;
        var time = Time(root, ref error);
        var entityId = Text(root, "entity_id", ref error);
        var state = Text(root, "state", ref error);
        var oldState = Text(root, "old_state", ref error);
        var area = Text(root, "area", ref error);
        var originText = Text(root, "origin", ref error);
        string? userId = null, parentId = null;
        if (root.TryGetProperty("context", out var context) && context.ValueKind != JsonValueKind.Null)
        {
            if (context.ValueKind != JsonValueKind.Object)
            {
                error ??= $"context is {context.ValueKind}, not an object";
            }
            else
            {
                userId = Text(context, "user_id", ref error);
                parentId = Text(context, "parent_id", ref error);
            }
        }

        var attributes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.TryGetProperty("attributes", out var attributesElement) && attributesElement.ValueKind != JsonValueKind.Null)
        {
            if (attributesElement.ValueKind != JsonValueKind.Object)
            {
                error ??= $"attributes is {attributesElement.ValueKind}, not an object";
            }
            else
            {
                foreach (var member in attributesElement.EnumerateObject())
                {
                    attributes[member.Name] = member.Value.Clone();
                }
            }
        }

        Origin? origin = originText switch
        {
            null => null,
            "manual" => Origin.Manual,
            "automation" => Origin.Automation,
            "system" => Origin.System,
            _ => null,
        };
        if (originText is not null && origin is null)
        {
            error ??= $"origin '{originText}' is not manual|automation|system";
        }

        error ??= time is null ? "missing time"
            : string.IsNullOrEmpty(entityId) ? "missing entity_id"
            : state is null ? "missing state"
            : entityId.IndexOf('.') is <= 0 || entityId[^1] == '.' ? $"entity_id '{entityId}' is not domain.object_id"
            : null;
        if (error is not null)
        {
            return null;
        }

        if (string.IsNullOrEmpty(area) && entityAreas is not null && entityAreas.TryGetValue(entityId!, out var mapped))
        {
            area = mapped;
        }

        userId = string.IsNullOrEmpty(userId) ? null : userId;
        parentId = string.IsNullOrEmpty(parentId) ? null : parentId;
        var change = new StateChange(
            time!.Value,
            entityId!,
            state!,
            oldState,
            string.IsNullOrEmpty(area) ? null : area,
            origin ?? StateChange.OriginFromContext(state!, userId, parentId),
            userId,
            parentId);
        return new HistoryLine(change, attributes);
    }

    private static DateTimeOffset? Time(JsonElement root, ref string? error)
    {
        if (!root.TryGetProperty("time", out var time))
        {
            return null;
        }

        if (time.ValueKind != JsonValueKind.String)
        {
            error ??= $"time is {time.ValueKind}, not a string";
            return null;
        }

        var text = time.GetString()!;
        var t = text.IndexOf('T');
        var hasOffset = t > 0 && (text[^1] is 'Z' or 'z' || text.IndexOfAny(['+', '-'], t) >= 0);
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            error ??= $"time '{text}' is not an ISO-8601 time";
            return null;
        }

        if (!hasOffset)
        {
            error ??= $"time '{text}' has no UTC offset";
            return null;
        }

        return parsed.ToUniversalTime();
    }

    /// <summary>A string, a number taken as its text, or null; anything else is an error.</summary>
    private static string? Text(JsonElement parent, string name, ref string? error)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.Null:
                return null;
            default:
                error ??= $"{name} is {value.ValueKind}, not a string";
                return null;
        }
    }
}
