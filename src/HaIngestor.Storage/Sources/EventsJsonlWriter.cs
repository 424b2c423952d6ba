using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using HaIngestor.Domain.Events;

namespace HaIngestor.Storage.Sources;

/// <summary>
/// Writes state changes as events.jsonl lines, the format <see cref="EventsJsonlReader"/> reads. When the
/// context ids would not give a change's origin back (an automation change without a parent_id, say), the
/// line carries an explicit <c>"origin"</c> so that nothing is lost on the way through a file.
/// </summary>
public sealed class EventsJsonlWriter : IDisposable
{
    private const int FlushThreshold = 1 << 16;
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushThreshold * 2);
    private readonly Utf8JsonWriter _json;

    public EventsJsonlWriter(Stream stream, bool leaveOpen = false)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Creates (or replaces) the file at <paramref name="path"/>, creating its directory when needed.</summary>
    public static EventsJsonlWriter Create(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return new EventsJsonlWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1));
    }

    /// <summary>Writes <paramref name="changes"/> to a new file at <paramref name="path"/>.</summary>
    public static void WriteFile(string path, IEnumerable<StateChange> changes)
    {
        using var writer = Create(path);
        foreach (var change in changes)
        {
            writer.Write(change);
        }
    }

    public void Write(StateChange change)
    {
        _json.WriteStartObject();
        _json.WriteString("time", FormatTime(change.Time));
        _json.WriteString("entity_id", change.EntityId);
        _json.WriteString("state", change.State);
        _json.WriteString("old_state", change.OldState);
        if (change.Area is not null)
        {
            _json.WriteString("area", change.Area);
        }

        if (change.Origin != StateChange.OriginFromContext(change.State, change.UserId, change.ParentId))
        {
            _json.WriteString("origin", change.Origin.ToString().ToLowerInvariant());
        }

        _json.WriteStartObject("context");
        _json.WriteString("user_id", change.UserId);
        _json.WriteString("parent_id", change.ParentId);
        _json.WriteEndObject();
        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        _buffer.Write("\n"u8);
        if (_buffer.WrittenCount >= FlushThreshold)
        {
            Drain();
        }
    }

    /// <summary>Pushes everything written so far to the stream.</summary>
    public void Flush()
    {
        Drain();
        _stream.Flush();
    }

    public void Dispose()
    {
        Flush();
        _json.Dispose();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    /// <summary>Milliseconds as in HA exports; full tick precision only when there is more to keep.</summary>
    private static string FormatTime(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var format = utc.Ticks % TimeSpan.TicksPerMillisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
        return utc.ToString(format, CultureInfo.InvariantCulture);
    }

    private void Drain()
    {
        _stream.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }
}
