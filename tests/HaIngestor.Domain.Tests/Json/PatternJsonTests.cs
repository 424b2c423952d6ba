using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck.Xunit;
using HaIngestor.Domain.Detection;

namespace HaIngestor.Domain.Tests.Json;

public sealed class PatternJsonTests
{
    [Fact]
    public void Time_of_day_pattern_is_written_in_the_analyze_shape()
    {
        using var document = JsonDocument.Parse(JsonRoundTrip.Write(PatternJson.Write, Samples.TimeOfDay()));
        var root = document.RootElement;

        Assert.Equal(
            ["id", "type", "entities", "states", "occurrences", "confidence", "evidence", "local_time", "spread_min", "days"],
            JsonRoundTrip.Keys(root));
        Assert.Equal("time_of_day", root.GetProperty("type").GetString());
        Assert.Equal("light.kitchen", root.GetProperty("entities")[0].GetString());
        Assert.Equal(12, root.GetProperty("occurrences").GetInt32());
        Assert.Equal(0.857, root.GetProperty("confidence").GetDouble());
        Assert.Equal("2025-10-06", root.GetProperty("evidence")[0].GetString());
        Assert.Equal("07:05", root.GetProperty("local_time").GetString());
        Assert.Equal(6.25, root.GetProperty("spread_min").GetDouble());
        Assert.Equal("weekdays", root.GetProperty("days").GetString());
    }

    [Theory]
    [InlineData("all")]
    [InlineData("weekdays")]
    [InlineData("weekends")]
    [InlineData("mon,wed,sun")]
    [InlineData("sat")]
    public void Day_selection_reads_back_as_written(string days)
    {
        var json = JsonRoundTrip.Write(PatternJson.Write, Samples.TimeOfDay()).Replace("\"weekdays\"", $"\"{days}\"");

        var details = Assert.IsType<TimeOfDayDetails>(JsonRoundTrip.Read(PatternJson.Read, json).Details);

        Assert.Equal(days, details.Days.ToString());
    }

    [Property]
    public bool Time_of_day_round_trips(ushort minute, byte dayMask, int spreadTenths, int occurrences)
    {
        var days = Enum.GetValues<DayOfWeek>().Where(d => (dayMask & (1 << (int)d)) != 0).ToHashSet();
        var original = Samples.TimeOfDay() with
        {
            Occurrences = occurrences,
            Confidence = (dayMask % 101) / 100.0,
            Details = new TimeOfDayDetails(minute % 1440, Math.Abs(spreadTenths % 100_000) / 10.0, new DaySelection(days)),
        };

        var back = JsonRoundTrip.Through(PatternJson.Write, PatternJson.Read, original);

        Samples.AssertSame(original, back);
        return true;
    }

    [Fact]
    public void Midnight_and_last_minute_keep_their_local_time()
    {
        foreach (var minute in new[] { 0, 1439 })
        {
            var original = Samples.TimeOfDay() with { Details = new TimeOfDayDetails(minute, 3, DaySelection.All) };
            var back = JsonRoundTrip.Through(PatternJson.Write, PatternJson.Read, original);
            Assert.Equal(minute, Assert.IsType<TimeOfDayDetails>(back.Details).LocalMinuteOfDay);
        }
    }

    [Fact]
    public void Pattern_of_a_type_without_known_details_keeps_its_extra_fields()
    {
        const string json = """
            {"id":"se-1","type":"session","entities":["binary_sensor.door","light.hall"],"states":["on","on"],
             "occurrences":9,"confidence":0.9,"evidence":["2025-10-01"],"window_s":60,"support":0.12,"lift":4.5,
             "extra":{"nested":[1,2,null]}}
            """;

        var pattern = JsonRoundTrip.Read(PatternJson.Read, json);
        var details = Assert.IsType<GenericDetails>(pattern.Details);
        var rewritten = JsonNode.Parse(JsonRoundTrip.Write(PatternJson.Write, pattern));

        Assert.Equal(["window_s", "support", "lift", "extra"], details.Fields.Select(f => f.Key));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), rewritten), rewritten!.ToJsonString());
        Samples.AssertSame(pattern, JsonRoundTrip.Through(PatternJson.Write, PatternJson.Read, pattern));
    }

    [Fact]
    public void Details_type_without_a_writer_case_writes_the_common_fields_only()
    {
        var pattern = Samples.TimeOfDay() with { Type = "future_kind", Details = new FutureDetails(42) };

        using var document = JsonDocument.Parse(JsonRoundTrip.Write(PatternJson.Write, pattern));

        Assert.Equal(["id", "type", "entities", "states", "occurrences", "confidence", "evidence"], JsonRoundTrip.Keys(document.RootElement));
        Assert.Empty(Assert.IsType<GenericDetails>(PatternJson.Read(document.RootElement).Details).Fields);
    }

    [Theory]
    [InlineData("\"local_time\":\"07:05\"", "\"local_time\":\"7:05\"", "local_time")]
    [InlineData("\"local_time\":\"07:05\"", "\"local_time\":\"24:00\"", "local_time")]
    [InlineData("\"days\":\"weekdays\"", "\"days\":\"mon,funday\"", "days")]
    [InlineData("\"occurrences\":12", "\"occurrences\":\"12\"", "occurrences")]
    [InlineData("\"2025-10-06\"", "\"06/10/2025\"", "evidence")]
    public void Malformed_field_is_named_in_the_error(string good, string bad, string field)
    {
        var json = JsonRoundTrip.Write(PatternJson.Write, Samples.TimeOfDay());
        Assert.Contains(good, json);

        var error = Assert.Throws<JsonException>(() => JsonRoundTrip.Read(PatternJson.Read, json.Replace(good, bad)));

        Assert.Contains(field, error.Message);
    }

    private sealed record FutureDetails(int Answer) : PatternDetails;
}
