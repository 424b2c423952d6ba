using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HaIngestor.Storage.Sqlite;

/// <summary>Runs a codec's writer into a string column and a column back through a codec's reader.</summary>
internal static class JsonText
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write<T>(Action<Utf8JsonWriter, T> write, T value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static T Read<T>(Func<JsonElement, T> read, string json)
    {
        using var document = JsonDocument.Parse(json);
        return read(document.RootElement);
    }
}
