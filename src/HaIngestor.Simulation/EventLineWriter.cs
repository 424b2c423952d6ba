using System.Buffers;
using System.Globalization;
using System.Text.Json;
using HaIngestor.Domain.Events;

namespace HaIngestor.Simulation;

/// <summary>
/// Writes state changes as events.jsonl lines (ARCHITECTURE.md §6):
/// <c>{"time":"…Z","entity_id","state","old_state","area","context":{"user_id","parent_id"}}</c>, UTC with
/// milliseconds; <c>old_state</c> and <c>area</c> only when known. Streams through a small buffer.
/// </summary>
internal static class EventLineWriter
{
    private const int FlushThreshold = 1 << 16;

    public static long Write(Stream stream, IEnumerable<StateChange> changes)
    {
        var buffer = new ArrayBufferWriter<byte>(FlushThreshold * 2);
        using var writer = new Utf8JsonWriter(buffer, SortedJsonWriter.Options);
        Span<byte> time = stackalloc byte[32];
        long count = 0;
        foreach (var change in changes)
        {
            writer.Reset(buffer);
            writer.WriteStartObject();
            change.Time.UtcDateTime.TryFormat(time, out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            writer.WriteString("time"u8, time[..written]);
            writer.WriteString("entity_id"u8, change.EntityId);
            writer.WriteString("state"u8, change.State);
            if (change.OldState is not null)
            {
                writer.WriteString("old_state"u8, change.OldState);
            }

            if (change.Area is not null)
            {
                writer.WriteString("area"u8, change.Area);
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
