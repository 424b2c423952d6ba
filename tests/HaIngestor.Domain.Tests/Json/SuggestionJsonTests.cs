using System.Text.Json;
using HaIngestor.Domain.Suggestions;

namespace HaIngestor.Domain.Tests.Json;

public sealed class SuggestionJsonTests
{
    [Fact]
    public void Suggestion_is_written_in_the_analyze_shape()
    {
        using var document = JsonDocument.Parse(JsonRoundTrip.Write(SuggestionJson.Write, Samples.Suggestion(level: SafetyLevel.Review)));
        var root = document.RootElement;

        Assert.Equal(["id", "title", "description", "score", "pattern_ids", "automation", "yaml", "safety"], JsonRoundTrip.Keys(root));
        Assert.Equal("light.turn_on", root.GetProperty("automation").GetProperty("actions")[0].GetProperty("action").GetString());
        Assert.Equal("time", root.GetProperty("automation").GetProperty("triggers")[0].GetProperty("trigger").GetString());
        Assert.Equal(["level", "issues"], JsonRoundTrip.Keys(root.GetProperty("safety")));
        Assert.Equal("review", root.GetProperty("safety").GetProperty("level").GetString());
        Assert.Equal("unlocks a door", root.GetProperty("safety").GetProperty("issues")[0].GetString());
    }

    [Theory]
    [InlineData(SafetyLevel.Safe)]
    [InlineData(SafetyLevel.Review)]
    [InlineData(SafetyLevel.Blocked)]
    public void Suggestion_round_trips(SafetyLevel level)
    {
        var original = Samples.Suggestion(level: level);

        Samples.AssertSame(original, JsonRoundTrip.Through(SuggestionJson.Write, SuggestionJson.Read, original));
    }

    [Fact]
    public void Automation_read_back_outlives_the_document_it_came_from()
    {
        var json = JsonRoundTrip.Write(SuggestionJson.Write, Samples.Suggestion());
        Suggestion read;
        using (var document = JsonDocument.Parse(json))
        {
            read = SuggestionJson.Read(document.RootElement);
        }

        Assert.Equal("light.kitchen", read.Automation["actions"]![0]!["target"]!["entity_id"]!.GetValue<string>());
    }

    [Fact]
    public void Unknown_safety_level_is_an_error_naming_the_field()
    {
        var json = JsonRoundTrip.Write(SuggestionJson.Write, Samples.Suggestion()).Replace("\"safe\"", "\"maybe\"");

        var error = Assert.Throws<JsonException>(() => JsonRoundTrip.Read(SuggestionJson.Read, json));

        Assert.Contains("level", error.Message);
    }
}
