using System.Text;
using HaIngestor.Domain.Detection.Evaluation;

namespace HaIngestor.Domain.Tests.Evaluation;

public sealed class AdlJsonTests
{
    private const string Breakfast = "\"Breakfast\":{\"typical_local_start\":\"08:10\",\"start_time_concentration\":0.9,\"count\":2}";

    private static IReadOnlyList<AdlActivity>? Read(string json, out IReadOnlyList<string> skipped, out string? error) =>
        AdlJson.Read(Encoding.UTF8.GetBytes(json), out skipped, out error);

    [Fact]
    public void Summaries_are_read_with_their_labelled_intervals()
    {
        var activities = Read($$"""
            {"summary":{{{Breakfast}}},"activities":[
              {"activity":"Breakfast","start":"2026-03-01T07:10:00Z","end":"2026-03-01T07:30:00Z"},
              {"activity":"Nap","start":"2026-03-01T13:00:00Z","end":"2026-03-01T14:00:00Z"}]}
            """, out var skipped, out var error);

        var breakfast = Assert.Single(activities!);
        Assert.Equal(("Breakfast", 2, (8 * 60) + 10, 0.9), (breakfast.Name, breakfast.Count, breakfast.TypicalLocalMinute, breakfast.Concentration));
        Assert.Equal([(new DateTimeOffset(2026, 3, 1, 7, 10, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 1, 7, 30, 0, TimeSpan.Zero))], breakfast.Intervals);
        Assert.Empty(skipped);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{"summary":[],"activities":[]}""")]
    [InlineData("""{"summary":{}}""")]
    [InlineData("""{"summary":{},"activities":[]""")]
    [InlineData("""{"summary":{"\ud800":{}},"activities":[]}""")]
    public void A_document_that_is_not_an_adl_file_is_an_error(string json)
    {
        Assert.Null(Read(json, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Unreadable_summaries_and_intervals_are_skipped_and_told_and_the_others_kept()
    {
        var activities = Read($$"""
            {"summary":{
              "Cooking":5,
              "Sleeping":{"typical_local_start":"23:00","start_time_concentration":0.8,"count":"30"},
              "Leaving":{"typical_local_start":"07:00","start_time_concentration":1e400,"count":3},
              "Bathing":{"typical_local_start":"25:00","start_time_concentration":0.5,"count":3},
              {{Breakfast}}},
             "activities":[
              {"activity":"Breakfast","start":"2026-03-01T08:00:00Z","end":"2026-03-01T07:00:00Z"},
              7,
              {"activity":"Breakfast","start":"0001-01-01T00:00:00Z","end":"0001-01-01T00:20:00Z"},
              {"activity":"Breakfast","start":"9999-12-31T23:00:00Z","end":"9999-12-31T23:59:59Z"}]}
            """, out var skipped, out var error);

        Assert.Null(error);
        Assert.Equal("Breakfast", Assert.Single(activities!).Name);
        Assert.Equal(2, activities![0].Intervals.Count);
        Assert.Equal(
            ["labelled interval #0", "labelled interval #1", "summary of 'Cooking'", "summary of 'Sleeping'", "summary of 'Leaving'", "summary of 'Bathing'"],
            skipped.Select(s => s[..s.IndexOf(" skipped", StringComparison.Ordinal)]));
    }

    [Fact]
    public void Intervals_at_the_ends_of_the_calendar_are_assessed_without_overflow()
    {
        var activities = Read($$"""
            {"summary":{{{Breakfast}}},"activities":[
              {"activity":"Breakfast","start":"0001-01-01T00:00:00Z","end":"0001-01-01T00:20:00Z"},
              {"activity":"Breakfast","start":"9999-12-31T23:00:00Z","end":"9999-12-31T23:59:59Z"}]}
            """, out _, out _);

        var row = Assert.Single(new AdlRecovery().Assess(activities!, [], []));

        Assert.Empty(row.TiedEntities);
        Assert.False(row.Recovered);
    }
}
