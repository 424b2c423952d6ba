using System.Buffers;
using System.Text;
using System.Text.Json;

namespace HaIngestor.Domain.Tests.Json;

internal static class JsonRoundTrip
{
    public static string Write<T>(Action<Utf8JsonWriter, T> write, T value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
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

    public static T Through<T>(Action<Utf8JsonWriter, T> write, Func<JsonElement, T> read, T value) => Read(read, Write(write, value));

    public static IReadOnlyList<string> Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToList();
}
