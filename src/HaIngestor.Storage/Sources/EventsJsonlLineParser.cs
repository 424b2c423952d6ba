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
    private const int StackChars = 256;
    private readonly Utf8StringPool _pool = new();

    /// <summary>The change of the line, or null with the reason it was rejected.</summary>
    public StateChange? Parse(ReadOnlySpan<byte> line, out string? error)
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
    }

    private StateChange? ParseObject(ReadOnlySpan<byte> line, out string? error)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            error = "not a JSON object";
            return null;
        }

        DateTimeOffset? time = null;
        string? entityId = null, state = null, oldState = null, area = null, userId = null, parentId = null;
        Origin? origin = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("time"u8))
            {
                reader.Read();
                time = ReadTime(ref reader, out error);
                if (time is null)
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("entity_id"u8))
            {
                reader.Read();
                if (!TryReadText(ref reader, "entity_id", out entityId, out error))
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("state"u8))
            {
                reader.Read();
                if (!TryReadText(ref reader, "state", out state, out error))
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("old_state"u8))
            {
                reader.Read();
                if (!TryReadText(ref reader, "old_state", out oldState, out error))
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("area"u8))
            {
                reader.Read();
                if (!TryReadText(ref reader, "area", out area, out error))
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

                origin = ParseOrigin(originText, out error);
                if (error is not null)
                {
                    return null;
                }
            }
            else if (reader.ValueTextEquals("context"u8))
            {
                reader.Read();
                if (!TryReadContext(ref reader, out userId, out parentId, out error))
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

        error = time is null ? "missing time"
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

        return new StateChange(
            time!.Value,
            entityId!,
            state!,
            oldState,
            string.IsNullOrEmpty(area) ? null : area,
            origin ?? StateChange.OriginFromContext(state!, userId, parentId),
            string.IsNullOrEmpty(userId) ? null : userId,
            string.IsNullOrEmpty(parentId) ? null : parentId);
    }

    private static DateTimeOffset? ReadTime(ref Utf8JsonReader reader, out string? error)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            error = $"time is {reader.TokenType}, not a string";
            return null;
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
            case JsonTokenType.String:
            {
                var max = reader.ValueSpan.Length;
                var buffer = max <= StackChars ? stackalloc char[StackChars] : new char[max];
                value = _pool.Get(buffer[..reader.CopyString(buffer)]);
                return true;
            }

            case JsonTokenType.Number:
            {
                var max = reader.ValueSpan.Length;
                var buffer = max <= StackChars ? stackalloc char[StackChars] : new char[max];
                value = _pool.Get(buffer[..Encoding.UTF8.GetChars(reader.ValueSpan, buffer)]);
                return true;
            }

            default:
                error = $"{field} is {reader.TokenType}, not a string";
                return false;
        }
    }
}
