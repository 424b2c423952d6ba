using System.Text.Json;
using System.Text.Json.Nodes;
using HaIngestor.Domain.Detection;

namespace HaIngestor.Domain.Suggestions;

/// <summary>The JSON form of a suggestion (the <c>analyze --json</c> shape), written and read back.</summary>
public static class SuggestionJson
{
    public static void Write(Utf8JsonWriter writer, Suggestion suggestion)
    {
        writer.WriteStartObject();
        writer.WriteString("id", suggestion.Id);
        writer.WriteString("title", suggestion.Title);
        writer.WriteString("description", suggestion.Description);
        writer.WriteNumber("score", suggestion.Score);
        JsonFields.WriteStrings(writer, "pattern_ids", suggestion.PatternIds);
        writer.WritePropertyName("automation");
        suggestion.Automation.WriteTo(writer);
        writer.WriteString("yaml", suggestion.Yaml);
        writer.WriteStartObject("safety");
        writer.WriteString("level", LevelName(suggestion.Safety.Level));
        JsonFields.WriteStrings(writer, "issues", suggestion.Safety.Issues);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Reads a suggestion written by <see cref="Write"/>; throws <see cref="JsonException"/> naming the bad field.</summary>
    public static Suggestion Read(JsonElement element)
    {
        var safety = JsonFields.Required(element, "safety", JsonValueKind.Object);
        return new Suggestion(
            JsonFields.String(element, "id"),
            JsonFields.String(element, "title"),
            JsonFields.String(element, "description"),
            JsonFields.Double(element, "score"),
            JsonFields.Strings(element, "pattern_ids"),
            JsonNode.Parse(JsonFields.Required(element, "automation", JsonValueKind.Object).GetRawText())!.AsObject(),
            JsonFields.String(element, "yaml"),
            new SafetyAssessment(ParseLevel(JsonFields.String(safety, "level")), JsonFields.Strings(safety, "issues")));
    }

    public static string LevelName(SafetyLevel level) => level switch
    {
        SafetyLevel.Safe => "safe",
        SafetyLevel.Review => "review",
        SafetyLevel.Blocked => "blocked",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "unknown safety level"),
    };

    private static SafetyLevel ParseLevel(string text) => text switch
    {
        "safe" => SafetyLevel.Safe,
        "review" => SafetyLevel.Review,
        "blocked" => SafetyLevel.Blocked,
        _ => throw new JsonException($"'level' holds '{text}', not safe|review|blocked"),
    };
}
