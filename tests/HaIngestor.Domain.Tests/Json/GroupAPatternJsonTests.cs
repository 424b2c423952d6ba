using System.Text.Json;
using FsCheck.Xunit;
using HaIngestor.Domain.Detection;

namespace HaIngestor.Domain.Tests.Json;

public sealed class GroupAPatternJsonTests
{
    private static readonly string[] Common = ["id", "type", "entities", "states", "occurrences", "confidence", "evidence"];

    private static Pattern Of(string type, PatternDetails details, params string[] entities) => new(
        type + "-0123456789abcdef",
        type,
        entities,
        entities.Select(_ => "on").ToList(),
        7,
        0.8125,
        [new DateOnly(2025, 10, 25), new DateOnly(2025, 10, 26)],
        details);

    public static TheoryData<string, Pattern, string[]> Cases() => new()
    {
        { "co_occurrence", Of("co_occurrence", new CoOccurrenceDetails(120, 0.9333, 41.25), "binary_sensor.hall_motion", "light.hall"), ["window_s", "support", "lift"] },
        { "sequence", Of("sequence", new SequenceDetails(63.5), "light.bedroom", "light.hallway", "switch.coffee_maker"), ["median_gap_s"] },
        { "duration", Of("duration", new DurationDetails(720.4, 690, 751.25), "light.bathroom"), ["median_duration_s", "p25_duration_s", "p75_duration_s"] },
        { "room", Of("room", new RoomDetails("kitchen"), "light.kitchen", "switch.kettle"), ["area"] },
        { "anomaly", Of("anomaly", new AnomalyDetails(new DateOnly(2025, 10, 26), AnomalyDetails.UnusualHour, "light.kitchen went 'on' at 03:12 local time; \"never\" before."), "light.kitchen"), ["date", "kind", "description"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pattern_is_written_in_the_analyze_shape_and_reads_back_equal(string type, Pattern pattern, string[] fields)
    {
        var json = JsonRoundTrip.Write(PatternJson.Write, pattern);
        using var document = JsonDocument.Parse(json);

        Assert.Equal([.. Common, .. fields], JsonRoundTrip.Keys(document.RootElement));
        Assert.Equal(type, document.RootElement.GetProperty("type").GetString());
        var back = JsonRoundTrip.Read(PatternJson.Read, json);
        Assert.Equal(pattern.Details.GetType(), back.Details.GetType());
        Samples.AssertSame(pattern, back);
    }

    [Fact]
    public void Anomaly_date_is_the_local_calendar_date_text()
    {
        var pattern = Of("anomaly", new AnomalyDetails(new DateOnly(2025, 3, 30), AnomalyDetails.LongOnTime, "x"), "light.a");

        using var document = JsonDocument.Parse(JsonRoundTrip.Write(PatternJson.Write, pattern));

        Assert.Equal("2025-03-30", document.RootElement.GetProperty("date").GetString());
    }

    [Property]
    public bool Co_occurrence_numbers_round_trip(ushort windowSeconds, uint supportMillionths, uint liftThousandths)
    {
        var original = Of("co_occurrence", new CoOccurrenceDetails(windowSeconds, (supportMillionths % 1_000_001) / 1e6, liftThousandths / 1e3), "a.b", "c.d");

        Assert.Equal(original.Details, JsonRoundTrip.Through(PatternJson.Write, PatternJson.Read, original).Details);
        return true;
    }

    [Theory]
    [InlineData("co_occurrence", "lift")]
    [InlineData("sequence", "median_gap_s")]
    [InlineData("duration", "median_duration_s")]
    [InlineData("room", "area")]
    [InlineData("anomaly", "description")]
    public void Missing_type_field_is_named_in_the_error(string type, string field)
    {
        var pattern = Cases().Select(row => (Pattern)row[1]).Single(p => p.Type == type);
        var node = System.Text.Json.Nodes.JsonNode.Parse(JsonRoundTrip.Write(PatternJson.Write, pattern))!.AsObject();
        node.Remove(field);

        var error = Assert.Throws<JsonException>(() => JsonRoundTrip.Read(PatternJson.Read, node.ToJsonString()));

        Assert.Contains(field, error.Message);
    }

    [Fact]
    public void Malformed_anomaly_date_is_named_in_the_error()
    {
        var json = JsonRoundTrip.Write(PatternJson.Write, Of("anomaly", new AnomalyDetails(new DateOnly(2025, 10, 26), AnomalyDetails.UnusualHour, "x"), "light.a"))
            .Replace("\"date\":\"2025-10-26\"", "\"date\":\"26.10.2025\"");

        var error = Assert.Throws<JsonException>(() => JsonRoundTrip.Read(PatternJson.Read, json));

        Assert.Contains("date", error.Message);
    }
}
