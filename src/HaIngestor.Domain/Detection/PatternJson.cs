using System.Text.Json;

namespace HaIngestor.Domain.Detection;

/// <summary>The JSON form of a pattern (the <c>analyze --json</c> shape), written and read back.</summary>
public static class PatternJson
{
    public static void Write(Utf8JsonWriter writer, Pattern pattern) =>
        throw new NotImplementedException("being written on branch storage");

    public static Pattern Read(JsonElement element) =>
        throw new NotImplementedException("being written on branch storage");
}
