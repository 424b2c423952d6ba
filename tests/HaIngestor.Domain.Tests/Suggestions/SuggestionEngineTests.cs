using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Suggestions;
using HaIngestor.Domain.Time;

namespace HaIngestor.Domain.Tests.Suggestions;

public sealed class SuggestionEngineTests
{
    private static readonly HomeProfile Home = new(
        "home", "Europe/Madrid", null, null, ["kitchen"], new Dictionary<string, string> { ["light.kitchen_light"] = "kitchen" });

    [Fact]
    public void A_routine_becomes_a_titled_explained_suggestion()
    {
        var pattern = Routines.At("light.kitchen_light", "on", 7, 0, DaySelection.Weekdays, confidence: 0.92, occurrences: 18);

        var suggestion = Assert.Single(SuggestionEngine.Build([pattern], Home));

        Assert.Equal("Turn on Kitchen Light at 07:00 on weekdays", suggestion.Title);
        Assert.Contains("18 of the 18 weekdays", suggestion.Description);
        Assert.StartsWith("Kitchen Light (kitchen) was turned on by hand around 07:00 ", suggestion.Description);
        Assert.Equal([pattern.Id], suggestion.PatternIds);
        Assert.Equal(suggestion.Id, (string?)suggestion.Automation["id"]);
        Assert.Equal(suggestion.Title, (string?)suggestion.Automation["alias"]);
        Assert.Equal(AutomationYaml.ToYaml(suggestion.Automation), suggestion.Yaml);
        Assert.Equal(SafetyLevel.Safe, suggestion.Safety.Level);
        Assert.InRange(suggestion.Score, 0.5, 1.0);
    }

    [Fact]
    public void Ids_are_stable_valid_automation_ids()
    {
        var patterns = new[]
        {
            Routines.At("light.kitchen_light", "on", 7, 0),
            Routines.At("switch.fan", "off", 22, 30),
        };

        var first = SuggestionEngine.Build(patterns, Home);
        var again = SuggestionEngine.Build(patterns.Reverse().ToList(), Home);

        Assert.All(first, s => Assert.Matches("^ha_ingestor_[a-z0-9_]+$", s.Id));
        Assert.Equal(first.Select(s => s.Id).Order(), again.Select(s => s.Id).Order());
        Assert.Equal(first.Select(s => s.Id), again.Select(s => s.Id));
        Assert.NotEqual(first[0].Id, first[1].Id);
    }

    [Fact]
    public void Sensors_give_no_suggestion()
    {
        var patterns = new[]
        {
            Routines.At("binary_sensor.bed_pressure", "off", 7, 30),
            Routines.At("sensor.mode", "away", 9, 0),
        };

        Assert.Empty(SuggestionEngine.Build(patterns, Home));
    }

    [Fact]
    public void Better_routines_rank_first_and_top_limits_the_list()
    {
        var patterns = Enumerable.Range(0, 15)
            .Select(i => Routines.At($"light.lamp_{i:00}", "on", 8 + i % 10, 0, confidence: 0.6 + i * 0.02))
            .ToList();

        var top = SuggestionEngine.Build(patterns, Home, top: 5);

        Assert.Equal(5, top.Count);
        Assert.Equal(["light.lamp_14", "light.lamp_13", "light.lamp_12", "light.lamp_11", "light.lamp_10"],
            top.Select(s => (string)s.Automation["actions"]![0]!["target"]!["entity_id"]!));
        Assert.True(top.Zip(top.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.Equal(SuggestionEngine.DefaultTop, SuggestionEngine.Build(patterns, Home).Count);
        Assert.Empty(SuggestionEngine.Build(patterns, Home, top: 0));
    }

    [Fact]
    public void The_same_action_at_the_same_time_is_suggested_once_the_best()
    {
        var weekdays = Routines.At("light.hall", "on", 7, 0, DaySelection.Weekdays, confidence: 0.95);
        var allDays = Routines.At("light.hall", "on", 7, 10, DaySelection.All, confidence: 0.7);
        var evening = Routines.At("light.hall", "on", 19, 0, confidence: 0.8);

        var suggestions = SuggestionEngine.Build([allDays, weekdays, evening], Home);

        Assert.Equal(2, suggestions.Count);
        Assert.Equal([weekdays.Id], suggestions[0].PatternIds);
        Assert.Equal([evening.Id], suggestions[1].PatternIds);
    }

    [Fact]
    public void Ties_are_ordered_by_id()
    {
        var patterns = Enumerable.Range(0, 6).Select(i => Routines.At($"switch.plug_{i}", "on", 9 + i, 0)).ToList();

        var suggestions = SuggestionEngine.Build(patterns, Home);

        Assert.Single(suggestions.Select(s => s.Score).Distinct());
        Assert.Equal(suggestions.Select(s => s.Id).Order(StringComparer.Ordinal), suggestions.Select(s => s.Id));
    }

    [Fact]
    public void Blocked_suggestions_rank_after_all_others()
    {
        var unlock = Routines.At("lock.front_door", "unlocked", 8, 0, confidence: 1.0, occurrences: 40);
        var weakLight = Routines.At("light.porch", "on", 20, 0, confidence: 0.3, occurrences: 4);

        var suggestions = SuggestionEngine.Build([unlock, weakLight], Home);

        Assert.Equal(2, suggestions.Count);
        Assert.Equal(SafetyLevel.Review, suggestions[0].Safety.Level);
        Assert.Equal(SafetyLevel.Blocked, suggestions[1].Safety.Level);
        Assert.Equal("Unlock Front Door at 08:00 every day", suggestions[1].Title);
    }

    [Fact]
    public void Titles_say_the_days()
    {
        var patterns = new[]
        {
            Routines.At("media_player.radio", "on", 10, 0, DaySelection.Weekends),
            Routines.At("fan.gym", "on", 18, 0, new DaySelection(new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday })),
            Routines.At("climate.office", "heat_cool", 6, 45),
        };

        var titles = SuggestionEngine.Build(patterns, Home).Select(s => s.Title).Order().ToList();

        Assert.Equal(
            ["Set Office to heat cool at 06:45 every day", "Turn on Gym at 18:00 on Mon, Wed, Fri", "Turn on Radio at 10:00 on weekends"],
            titles);
    }

    [Fact]
    public void Patterns_found_in_events_become_suggestions_end_to_end()
    {
        var home = new Detection.HomeEvents("Europe/Madrid");
        var from = new DateOnly(2025, 1, 6);
        foreach (var day in Detection.HomeEvents.Days(from, from.AddDays(28)))
        {
            home.Manual(day, 7 * 60 + day.Day % 5, "light.kitchen_light", "on", "off")
                .Manual(day, 7 * 60 + 30, "binary_sensor.kitchen_motion", "on", "off");
        }

        var patterns = new TimeOfDayDetector().Detect(home.Context(from, from.AddDays(28)));
        var suggestion = Assert.Single(SuggestionEngine.Build(patterns, home.Home));

        Assert.Equal(2, patterns.Count);
        Assert.Equal("Turn on Kitchen Light at 07:02 every day", suggestion.Title);
        Assert.Equal(SafetyLevel.Safe, suggestion.Safety.Level);
    }
}
