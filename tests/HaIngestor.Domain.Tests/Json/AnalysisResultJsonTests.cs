using System.Text.Json;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Tests.Json;

public sealed class AnalysisResultJsonTests
{
    private static readonly HomeProfile Home = new(
        "Flat",
        "Europe/Madrid",
        40.42,
        -3.7,
        ["kitchen", "bedroom"],
        new Dictionary<string, string> { ["light.kitchen"] = "kitchen" });

    private static JsonDocument WriteDocument(AnalysisInputCounts? input = null) =>
        JsonDocument.Parse(JsonRoundTrip.Write(
            (writer, _) => AnalysisResultJson.Write(
                writer,
                Home,
                new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.FromHours(2)),
                Samples.Start,
                818,
                [Samples.TimeOfDay()],
                [Samples.Suggestion()],
                [KeyValuePair.Create("load", 12.5), KeyValuePair.Create("detect", 40.0), KeyValuePair.Create("total", 55.25)],
                input),
            0));

    [Fact]
    public void Document_has_exactly_the_specified_top_level_keys()
    {
        using var document = WriteDocument();
        var root = document.RootElement;

        Assert.Equal(["home", "window", "patterns", "suggestions", "timings_ms"], JsonRoundTrip.Keys(root));
        Assert.Equal(["from", "to", "events"], JsonRoundTrip.Keys(root.GetProperty("window")));
        Assert.Equal(["load", "detect", "total"], JsonRoundTrip.Keys(root.GetProperty("timings_ms")));
        Assert.Equal(55.25, root.GetProperty("timings_ms").GetProperty("total").GetDouble());
    }

    [Fact]
    public void Home_and_window_carry_time_zone_utc_times_and_event_count()
    {
        using var document = WriteDocument();
        var home = document.RootElement.GetProperty("home");
        var window = document.RootElement.GetProperty("window");

        Assert.Equal("Europe/Madrid", home.GetProperty("time_zone").GetString());
        Assert.Equal(40.42, home.GetProperty("latitude").GetDouble());
        Assert.Equal(["kitchen", "bedroom"], home.GetProperty("areas").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("2025-09-30T22:00:00.000Z", window.GetProperty("from").GetString());
        Assert.Equal("2025-10-13T03:00:00.000Z", window.GetProperty("to").GetString());
        Assert.Equal(818, window.GetProperty("events").GetInt32());
    }

    [Fact]
    public void Patterns_and_suggestions_are_the_codec_shapes_and_read_back()
    {
        using var document = WriteDocument();

        var pattern = PatternJson.Read(Assert.Single(document.RootElement.GetProperty("patterns").EnumerateArray()));
        var suggestion = Domain.Suggestions.SuggestionJson.Read(Assert.Single(document.RootElement.GetProperty("suggestions").EnumerateArray()));

        Samples.AssertSame(Samples.TimeOfDay(), pattern);
        Samples.AssertSame(Samples.Suggestion(), suggestion);
    }

    [Fact]
    public void Input_counts_are_added_without_renaming_anything()
    {
        using var document = WriteDocument(new AnalysisInputCounts(820, 1, 1, 3, 0));
        var root = document.RootElement;

        Assert.Equal(["home", "window", "input", "patterns", "suggestions", "timings_ms"], JsonRoundTrip.Keys(root));
        Assert.Equal(1, root.GetProperty("input").GetProperty("skipped_lines").GetInt64());
        Assert.Equal(3, root.GetProperty("input").GetProperty("out_of_order").GetInt64());
    }

    [Fact]
    public void Unknown_location_is_written_as_null()
    {
        var json = JsonRoundTrip.Write(
            (writer, _) => AnalysisResultJson.Write(writer, HomeProfile.ForTimeZone("UTC"), Samples.Start, Samples.Start, 0, [], [], []),
            0);
        using var document = JsonDocument.Parse(json);

        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("home").GetProperty("latitude").ValueKind);
        Assert.Empty(document.RootElement.GetProperty("patterns").EnumerateArray());
    }
}
