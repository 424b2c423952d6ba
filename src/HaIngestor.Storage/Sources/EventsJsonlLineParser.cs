using System.Globalization;
using System.Text;
using System.Text.Json;
using HaIngestor.Domain.Events;

namespace HaIngestor.Storage.Sources;

/// <summary>
/// Parses one events.jsonl line straight from its UTF-8 bytes. Besides HA's fields it reads an optional
/// <c>"origin"</c> (<c>manual|automation|system</c>) that <see cref="EventsJsonlWriter"/> writes when the
/// context ids alone would not give the origin back.
/// </summary>
internal sealed class EventsJsonlLineParser(IReadOnlyDictionary<string, string>? entityAreas)
{
    private const int StackBytes = 256;
    private readonly Utf8StringPool _pool = new();

    /// <summary>The change of the line, or null with the reason it was rejected.</summary>
    public StateChange? Parse(ReadOnlySpan<byte> line, out string? error)
    {
        if (CompactLineReader.TryRead(line, _pool, out var compact))
        {
            return Complete(compact, out error);
        }

        return ParseGeneral(line, out error);
    }

    /// <summary>Any line, through the validating JSON reader: the reference behaviour, and every error message.</summary>
    internal StateChange? ParseGeneral(ReadOnlySpan<byte> line, out string? error)
    {
        try
        {
            return ParseObject(line, out error);
        }
        catch (JsonException ex)
        {
            error = $"invalid JSON: {ex.Message}";
            return null;
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader checks a string's UTF-8 only when the string is taken (escaped values, context.parent_id).
            error = $"text is not valid UTF-8: {ex.Message}";
            return null;
        }
    }

    private StateChange? ParseObject(ReadOnlySpan<byte> line, out string? error)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            error = "not a JSON object";
            return null;
        }

        var fields = default(LineFields);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("time"u8))
            {
                reader.Read();
                fields.Time = ReadTime(ref reader, out error);
                if (fields.Time is null)
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("entity_id"u8))
            {
                reader.Read();
                if (!TryReadText(ref reader, "entity_id", out fields.EntityId, out error))
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("state"u8))
            {
                reader.Read();
                if (!TryReadText(ref reader, "state", out fields.State, out error))
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("old_state"u8))
            {
                reader.Read();
                if (!TryReadText(ref reader, "old_state", out fields.OldState, out error))
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("area"u8))
            {
                reader.Read();
                if (!TryReadText(ref reader, "area", out fields.Area, out error))
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("origin"u8))
            {
                reader.Read();
                if (!TryReadText(ref reader, "origin", out var originText, out error))
                {
                    return null;
                }

                fields.Origin = ParseOrigin(originText, out error);
                if (error is not null)
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("context"u8))
            {
                reader.Read();
                if (!TryReadContext(ref reader, out fields.UserId, out fields.ParentId, out error))
                {
                    return null;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (reader.Read())
        {
            error = "content after the JSON object";
            return null;
        }

        return Complete(fields, out error);
    }

    /// <summary>The checks both paths share: required fields, a time in <see cref="HistoryYears"/>, entity id shape, the area from the map, the origin.</summary>
    private StateChange? Complete(in LineFields fields, out string? error)
    {
        var entityId = fields.EntityId;
        var area = fields.Area;
        error = fields.Time is not { } time ? "missing time"
            : !HistoryYears.Contains(time) ? $"time {time.UtcDateTime:yyyy-MM-dd} is outside the years {HistoryYears.First} to {HistoryYears.Last}"
            : string.IsNullOrEmpty(entityId) ? "missing entity_id"
            : fields.State is null ? "missing state"
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

        return new StateChange(
            fields.Time!.Value,
            entityId!,
            fields.State!,
            fields.OldState,
            string.IsNullOrEmpty(area) ? null : area,
            fields.Origin ?? StateChange.OriginFromContext(fields.State!, fields.UserId, fields.ParentId),
            string.IsNullOrEmpty(fields.UserId) ? null : fields.UserId,
            string.IsNullOrEmpty(fields.ParentId) ? null : fields.ParentId);
    }

    private static DateTimeOffset? ReadTime(ref Utf8JsonReader reader, out string? error)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            error = $"time is {reader.TokenType}, not a string";
            return null;
        }

        if (!reader.ValueIsEscaped && Utf8UtcTime.TryParse(reader.ValueSpan, out var utc))
        {
            error = null;
            return utc;
        }

        var text = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
        DateTimeOffset parsed;
        var ok = reader.ValueIsEscaped
            ? DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out parsed)
            : reader.TryGetDateTimeOffset(out parsed);
        if (!ok)
        {
            error = $"time '{Encoding.UTF8.GetString(text)}' is not an ISO-8601 time";
            return null;
        }

        if (!HasOffset(text))
        {
            error = $"time '{Encoding.UTF8.GetString(text)}' has no UTC offset";
            return null;
        }

        error = null;
        return parsed.ToUniversalTime();
    }

    private static bool HasOffset(ReadOnlySpan<byte> text)
    {
        var t = text.IndexOf((byte)'T');
        return t > 0 && (text[^1] is (byte)'Z' or (byte)'z' || text[t..].IndexOfAny((byte)'+', (byte)'-') >= 0);
    }

    private static Origin? ParseOrigin(string? text, out string? error)
    {
        error = null;
        switch (text)
        {
            case null:
                return null;
            case "manual":
                return Origin.Manual;
            case "automation":
                return Origin.Automation;
            case "system":
                return Origin.System;
            default:
                error = $"origin '{text}' is not manual|automation|system";
                return null;
        }
    }

    private bool TryReadContext(ref Utf8JsonReader reader, out string? userId, out string? parentId, out string? error)
    {
        userId = parentId = null;
        error = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            error = $"context is {reader.TokenType}, not an object";
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("user_id"u8))
            {
                reader.Read();
                if (!TryReadText(ref reader, "context.user_id", out userId, out error))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("parent_id"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    parentId = reader.GetString();
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    error = $"context.parent_id is {reader.TokenType}, not a string";
                    return false;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return true;
    }

    /// <summary>A string (pooled), a number taken as its text, or null; anything else is an error.</summary>
    private bool TryReadText(ref Utf8JsonReader reader, string field, out string? value, out string? error)
    {
        error = null;
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.String when !reader.ValueIsEscaped:
            case JsonTokenType.Number:
                value = _pool.Get(reader.ValueSpan);
                break;
            case JsonTokenType.String:
            {
                var max = reader.ValueSpan.Length;
                var buffer = max <= StackBytes ? stackalloc byte[StackBytes] : new byte[max];
                value = _pool.Get(buffer[..reader.CopyString(buffer)]);
                break;
            }

            default:
                error = $"{field} is {reader.TokenType}, not a string";
                return false;
        }

        if (value is null)
        {
            error = $"{field} is not valid UTF-8";
            return false;
        }

        return true;
    }
}
