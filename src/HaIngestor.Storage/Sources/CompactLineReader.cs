using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using HaIngestor.Domain.Events;

namespace HaIngestor.Storage.Sources;

/// <summary>
/// The fast path for the line shape events.jsonl writers produce: one compact object (no whitespace) whose known
/// fields hold plain strings (no escapes) or null, and a UTC time in <see cref="Utf8UtcTime"/>'s format. Other
/// members (<c>attributes</c>, unknown keys) are skipped by <see cref="Utf8JsonReader"/>, which validates them as
/// the general path would. It only ever accepts a line the general path reads the same way: anything else (an
/// escape, whitespace, a number, an error of any kind) makes it decline, and the general path reads the line.
/// </summary>
internal static class CompactLineReader
{
    // Utf8JsonReader's default depth limit is 64; a member's value sits one level inside the line's object,
    // which the general path's reader counts and this one does not see.
    private const int DefaultMaxDepth = 64;
    private static readonly JsonReaderOptions SkipOptions = new() { MaxDepth = DefaultMaxDepth - 1 };

    /// <summary>What ends a plain string: its closing quote, or what the fast path leaves to the general one (an escape, a control character).</summary>
    private static readonly SearchValues<byte> StringStops = SearchValues.Create([(byte)'"', (byte)'\\', .. Enumerable.Range(0, 0x20).Select(b => (byte)b)]);

    /// <summary>Whether the line has the compact shape; then <paramref name="fields"/> holds what it says.</summary>
    public static bool TryRead(ReadOnlySpan<byte> line, Utf8StringPool pool, out LineFields fields)
    {
        fields = default;
        if (line.Length < 2 || line[0] != (byte)'{' || line[1] != (byte)'"')
        {
            return false;
        }

        var pos = 1;
        while (true)
        {
            if (!TryPlainString(line, ref pos, out var key) || pos >= line.Length || line[pos] != (byte)':')
            {
                return false;
            }

            pos++;
            if (!TryValue(line, ref pos, key, pool, ref fields) || pos >= line.Length)
            {
                return false;
            }

            var next = line[pos++];
            if (next == (byte)'}')
            {
                return pos == line.Length;
            }

            if (next != (byte)',')
            {
                return false;
            }
        }
    }

    private static bool TryValue(ReadOnlySpan<byte> line, ref int pos, ReadOnlySpan<byte> key, Utf8StringPool pool, ref LineFields fields)
    {
        switch (key.Length)
        {
            case 4 when key.SequenceEqual("time"u8):
                if (!TryPlainString(line, ref pos, out var text) || !Utf8UtcTime.TryParse(text, out var time))
                {
                    return false;
                }

                fields.Time = time;
                return true;
            case 9 when key.SequenceEqual("entity_id"u8):
                return TryPooled(line, ref pos, pool, out fields.EntityId);
            case 5 when key.SequenceEqual("state"u8):
                return TryPooled(line, ref pos, pool, out fields.State);
            case 9 when key.SequenceEqual("old_state"u8):
                return TryPooled(line, ref pos, pool, out fields.OldState);
            case 4 when key.SequenceEqual("area"u8):
                return TryPooled(line, ref pos, pool, out fields.Area);
            case 6 when key.SequenceEqual("origin"u8):
                if (!TryPooled(line, ref pos, pool, out var origin))
                {
                    return false;
                }

                fields.Origin = origin switch
                {
                    null => null,
                    "manual" => Origin.Manual,
                    "automation" => Origin.Automation,
                    "system" => Origin.System,
                    _ => (Origin)(-1),
                };
                return fields.Origin != (Origin)(-1);
            case 7 when key.SequenceEqual("context"u8):
                return TryContext(line, ref pos, pool, ref fields);
            default:
                return TrySkip(line, ref pos);
        }
    }

    private static ReadOnlySpan<byte> NoContext => """{"user_id":null,"parent_id":null}"""u8;

    private static bool TryContext(ReadOnlySpan<byte> line, ref int pos, Utf8StringPool pool, ref LineFields fields)
    {
        fields.UserId = fields.ParentId = null;
        if (TryNull(line, ref pos))
        {
            return true;
        }

        // What events.jsonl writers put on nearly every line: no user, no parent.
        if (line[pos..].StartsWith(NoContext))
        {
            pos += NoContext.Length;
            return true;
        }

        if (pos >= line.Length || line[pos] != (byte)'{')
        {
            return false;
        }

        pos++;
        if (pos < line.Length && line[pos] == (byte)'}')
        {
            pos++;
            return true;
        }

        while (true)
        {
            if (!TryPlainString(line, ref pos, out var key) || pos >= line.Length || line[pos] != (byte)':')
            {
                return false;
            }

            pos++;
            if (pos >= line.Length)
            {
                return false;
            }

            if (key.SequenceEqual("user_id"u8))
            {
                if (!TryPooled(line, ref pos, pool, out fields.UserId))
                {
                    return false;
                }
            }
            else if (key.SequenceEqual("parent_id"u8))
            {
                // Parent ids are unique per automation run: not pooled.
                if (TryNull(line, ref pos))
                {
                    fields.ParentId = null;
                }
                else if (TryPlainString(line, ref pos, out var parent) && Utf8.IsValid(parent))
                {
                    fields.ParentId = Encoding.UTF8.GetString(parent);
                }
                else
                {
                    return false;
                }
            }
            else if (!TrySkip(line, ref pos))
            {
                return false;
            }

            if (pos >= line.Length)
            {
                return false;
            }

            var next = line[pos++];
            if (next == (byte)'}')
            {
                return true;
            }

            if (next != (byte)',')
            {
                return false;
            }
        }
    }

    /// <summary>A plain string (valid UTF-8, pooled) or null.</summary>
    private static bool TryPooled(ReadOnlySpan<byte> line, ref int pos, Utf8StringPool pool, out string? value)
    {
        value = null;
        if (TryNull(line, ref pos))
        {
            return true;
        }

        return TryPlainString(line, ref pos, out var text) && (value = pool.Get(text)) is not null;
    }

    private static bool TryNull(ReadOnlySpan<byte> line, ref int pos)
    {
        if (line[pos..].StartsWith("null"u8))
        {
            pos += 4;
            return true;
        }

        return false;
    }

    /// <summary>A string without escapes or control characters at <paramref name="pos"/>; its content, and pos past it.</summary>
    private static bool TryPlainString(ReadOnlySpan<byte> line, ref int pos, out ReadOnlySpan<byte> content)
    {
        content = default;
        if (pos >= line.Length || line[pos] != (byte)'"')
        {
            return false;
        }

        var rest = line[(pos + 1)..];
        var end = rest.IndexOfAny(StringStops);
        if (end < 0 || rest[end] != (byte)'"')
        {
            return false;
        }

        content = rest[..end];
        pos += end + 2;
        return true;
    }

    /// <summary>Skips any one JSON value with the validating reader, as the general path does.</summary>
    private static bool TrySkip(ReadOnlySpan<byte> line, ref int pos)
    {
        var reader = new Utf8JsonReader(line[pos..], isFinalBlock: false, new JsonReaderState(SkipOptions));
        try
        {
            if (!reader.Read() || !reader.TrySkip())
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        pos += (int)reader.BytesConsumed;
        return true;
    }
}
