using System.Text.Json;

namespace HaIngestor.Domain.Suggestions;

/// <summary>The JSON form of a suggestion (the <c>analyze --json</c> shape), written and read back.</summary>
public static class SuggestionJson
{
    public static void Write(Utf8JsonWriter writer, Suggestion suggestion) =>
        throw new NotImplementedException("being written on branch storage");

    public static Suggestion Read(JsonElement element) =>
        throw new NotImplementedException("being written on branch storage");
}
