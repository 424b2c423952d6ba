using System.Buffers;
using System.Text.Json;
using HaIngestor.Domain.Events;

namespace HaIngestor.Simulation;

/// <summary>
/// Writes state changes as events.jsonl lines (ARCHITECTURE.md §6):
/// <c>{"time":"…Z","entity_id","state","old_state","area","context":{"user_id","parent_id"}}</c>, UTC with
/// milliseconds; <c>old_state</c> and <c>area</c> only when known. Streams through a small buffer; the few
/// distinct entity ids, areas and states are escaped once and reused, since a history repeats them millions of times.
/// </summary>
internal sealed class EventLineWriter
{
    private const int FlushThreshold = 1 << 16;
    private const int MaxCachedTexts = 1 << 16;

    private readonly Dictionary<string, JsonEncodedText> encoded = new(StringComparer.Ordinal);

    public static long Write(Stream stream, IEnumerable<StateChange> changes) => new EventLineWriter().WriteAll(stream, changes);

    private long WriteAll(Stream stream, IEnumerable<StateChange> changes)
    {
        var buffer = new ArrayBufferWriter<byte>(FlushThreshold * 2);
        using var writer = new Utf8JsonWriter(buffer, SortedJsonWriter.Options);
        Span<byte> time = stackalloc byte[24];
        long count = 0;
        foreach (var change in changes)
        {
            writer.Reset(buffer);
            writer.WriteStartObject();
            FormatTime(change.Time.UtcDateTime, time);
            writer.WriteString("time"u8, time);
            writer.WriteString("entity_id"u8, Encoded(change.EntityId));
            writer.WriteString("state"u8, Encoded(change.State));
            if (change.OldState is not null)
            {
                writer.WriteString("old_state"u8, Encoded(change.OldState));
            }

            if (change.Area is not null)
            {
                writer.WriteString("area"u8, Encoded(change.Area));
            }

            writer.WriteStartObject("context"u8);
            WriteNullable(writer, "user_id"u8, change.UserId);
            WriteNullable(writer, "parent_id"u8, change.ParentId);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.Flush();
            buffer.GetSpan(1)[0] = (byte)'\n';
            buffer.Advance(1);
            count++;

            if (buffer.WrittenCount >= FlushThreshold)
            {
                stream.Write(buffer.WrittenSpan);
                buffer.ResetWrittenCount();
            }
        }

        stream.Write(buffer.WrittenSpan);
        stream.Flush();
        return count;
    }

    private JsonEncodedText Encoded(string text)
    {
        if (encoded.TryGetValue(text, out var value))
        {
            return value;
        }

        value = JsonEncodedText.Encode(text, SortedJsonWriter.Options.Encoder);
        if (encoded.Count < MaxCachedTexts)
        {
            encoded[text] = value;
        }

        return value;
    }

    /// <summary><c>yyyy-MM-ddTHH:mm:ss.fffZ</c> into exactly 24 bytes.</summary>
    private static void FormatTime(DateTime utc, Span<byte> target)
    {
        Digits(target[..4], utc.Year);
        target[4] = (byte)'-';
        Digits(target.Slice(5, 2), utc.Month);
        target[7] = (byte)'-';
        Digits(target.Slice(8, 2), utc.Day);
        target[10] = (byte)'T';
        Digits(target.Slice(11, 2), utc.Hour);
        target[13] = (byte)':';
        Digits(target.Slice(14, 2), utc.Minute);
        target[16] = (byte)':';
        Digits(target.Slice(17, 2), utc.Second);
        target[19] = (byte)'.';
        Digits(target.Slice(20, 3), utc.Millisecond);
        target[23] = (byte)'Z';
    }

    private static void Digits(Span<byte> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
