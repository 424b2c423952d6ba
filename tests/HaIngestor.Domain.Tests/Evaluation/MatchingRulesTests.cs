using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Detection.Evaluation;

namespace HaIngestor.Domain.Tests.Evaluation;

public sealed class MatchingRulesTests
{
    private static readonly MatchTolerances Tolerances = new();

    private static Pattern Detected(string type, string[] entities, string[] states, PatternDetails details) =>
        new("id", type, entities, states, 10, 0.9, [], details);

    private static TruthEntry Planted(string kind, string[] entities, string[] states, TruthDetails details, bool human = true, bool required = true) =>
        new(kind, "activity", entities, states, human, required, details);

    private static Pattern TimeOfDay(int minute, DaySelection days, string state = "on") =>
        Detected("time_of_day", ["light.a"], [state], new TimeOfDayDetails(minute, 5, days));

    private static TruthEntry TimeOfDayTruth(int minute, DaySelection days) =>
        Planted("time_of_day", ["light.a"], ["on"], new TimeOfDayTruth(minute, days, 5, 0.1));

    [Theory]
    [InlineData(7 * 60, 7 * 60 + 20, true)]
    [InlineData(7 * 60, 7 * 60 + 21, false)]
    [InlineData(23 * 60 + 50, 5, true)] // 15 minutes apart across midnight
    [InlineData(23 * 60 + 50, 40, false)]
    public void Time_of_day_matches_within_twenty_minutes_on_the_circle(int detected, int planted, bool matches) =>
        Assert.Equal(matches, new TimeOfDayMatcher(Tolerances).Matches(TimeOfDay(detected, DaySelection.All), TimeOfDayTruth(planted, DaySelection.All)));

    [Fact]
    public void Time_of_day_needs_compatible_days_and_the_same_state()
    {
        var matcher = new TimeOfDayMatcher(Tolerances);
        var weekdays = TimeOfDayTruth(400, DaySelection.Weekdays);
        var mondayToThursday = new DaySelection(new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday });

        Assert.True(matcher.Matches(TimeOfDay(400, mondayToThursday), weekdays));
        Assert.True(matcher.Matches(TimeOfDay(400, DaySelection.All), weekdays));
        Assert.False(matcher.Matches(TimeOfDay(400, DaySelection.Weekends), weekdays));
        Assert.False(matcher.Matches(TimeOfDay(400, DaySelection.All), TimeOfDayTruth(400, DaySelection.Weekends)));
        Assert.False(matcher.Matches(TimeOfDay(400, DaySelection.Weekdays, "off"), weekdays));
    }

    [Fact]
    public void Co_occurrence_is_directed()
    {
        var truth = Planted("co_occurrence", ["a", "b"], ["on", "on"], new CoOccurrenceTruth(120, 30, 0.9));
        var matcher = new CoOccurrenceMatcher();

        Assert.True(matcher.Matches(Detected("co_occurrence", ["a", "b"], ["on", "on"], new CoOccurrenceDetails(120, 0.5, 10)), truth));
        Assert.False(matcher.Matches(Detected("co_occurrence", ["b", "a"], ["on", "on"], new CoOccurrenceDetails(120, 0.5, 10)), truth));
        Assert.False(matcher.Matches(Detected("co_occurrence", ["a", "b"], ["on", "off"], new CoOccurrenceDetails(120, 0.5, 10)), truth));
    }

    [Fact]
    public void A_sequence_matches_when_its_steps_appear_in_order_in_the_planted_one()
    {
        var truth = Planted("sequence", ["m", "l", "m", "c"], ["on", "on", "off", "on"], new SequenceTruth(300));
        var matcher = new SequenceMatcher();
        Pattern Seq(string[] e, string[] s) => Detected("sequence", e, s, new SequenceDetails(60));

        Assert.True(matcher.Matches(Seq(["l", "m", "c"], ["on", "off", "on"]), truth));
        Assert.True(matcher.Matches(Seq(["m", "c"], ["on", "on"]), truth));
        Assert.False(matcher.Matches(Seq(["c", "l"], ["on", "on"]), truth));
        Assert.False(matcher.Matches(Seq(["l", "m"], ["on", "on"]), truth));
    }

    [Theory]
    [InlineData(1200, true)]
    [InlineData(1950, true)]
    [InlineData(1951, false)]
    [InlineData(1100, false)]
    public void Duration_matches_within_a_quarter_of_the_planted_median(double median, bool matches)
    {
        var truth = Planted("duration", ["switch.coffee"], ["on"], new DurationTruth(1560, 1500, 1620));

        Assert.Equal(matches, new DurationMatcher(Tolerances).Matches(Detected("duration", ["switch.coffee"], ["on"], new DurationDetails(median, median, median)), truth));
    }

    [Fact]
    public void Room_matches_the_same_area_with_half_the_entities_in_common()
    {
        var truth = Planted("room", ["c", "l", "m"], ["on", "on", "on"], new RoomTruth("kitchen"));
        var matcher = new RoomMatcher(Tolerances);

        Assert.True(matcher.Matches(Detected("room", ["c", "l"], ["on", "on"], new RoomDetails("kitchen")), truth));
        Assert.False(matcher.Matches(Detected("room", ["c", "x", "y"], ["on", "on", "on"], new RoomDetails("kitchen")), truth));
        Assert.False(matcher.Matches(Detected("room", ["c", "l"], ["on", "on"], new RoomDetails("hall")), truth));
    }

    [Fact]
    public void Anomaly_matches_the_entity_on_the_local_date()
    {
        var truth = Planted("anomaly", ["light.lamp"], ["on"], new AnomalyTruth(new DateOnly(2024, 3, 19), AnomalyDetails.UnusualHour));
        var matcher = new AnomalyMatcher();
        Pattern Anomaly(string entity, DateOnly date) => Detected("anomaly", [entity], ["on"], new AnomalyDetails(date, AnomalyDetails.UnusualHour, ""));

        Assert.True(matcher.Matches(Anomaly("light.lamp", new DateOnly(2024, 3, 19)), truth));
        Assert.False(matcher.Matches(Anomaly("light.lamp", new DateOnly(2024, 3, 20)), truth));
        Assert.False(matcher.Matches(Anomaly("light.other", new DateOnly(2024, 3, 19)), truth));
    }

    [Fact]
    public void Scorer_counts_automated_matches_as_false_positives_and_borderline_truth_only_for_precision()
    {
        IReadOnlyList<TruthEntry> truth =
        [
            TimeOfDayTruth(400, DaySelection.All),
            Planted("time_of_day", ["light.path"], ["on"], new TimeOfDayTruth(1200, DaySelection.All, 0, 0), human: false, required: false),
            Planted("time_of_day", ["light.b"], ["on"], new TimeOfDayTruth(600, DaySelection.All, 5, 0), required: false),
            Planted("time_of_day", ["light.c"], ["on"], new TimeOfDayTruth(700, DaySelection.All, 5, 0)),
        ];
        IReadOnlyList<Pattern> detected =
        [
            TimeOfDay(405, DaySelection.All),
            Detected("time_of_day", ["light.path"], ["on"], new TimeOfDayDetails(1200, 0, DaySelection.All)),
            Detected("time_of_day", ["light.b"], ["on"], new TimeOfDayDetails(600, 3, DaySelection.All)),
            Detected("time_of_day", ["light.z"], ["on"], new TimeOfDayDetails(100, 3, DaySelection.All)),
        ];

        var score = AccuracyScorer.Score(detected, truth, TruthMatchers.GroupA(Tolerances))[0];

        Assert.Equal("time_of_day", score.Kind);
        Assert.Equal(2, score.Planted);
        Assert.Equal(1, score.Recalled);
        Assert.Equal("light.c", Assert.Single(score.Missed).Entities[0]);
        Assert.Equal(4, score.Detected);
        Assert.Equal(2, score.Correct);
        Assert.Equal(0.5, score.Precision);
        Assert.Equal(0.5, score.Recall);
        Assert.Equal("light.path", Assert.Single(score.Automated).Entities[0]);
        Assert.Equal(2, score.FalsePositives.Count);
    }
}
