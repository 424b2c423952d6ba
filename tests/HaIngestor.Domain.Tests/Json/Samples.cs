using System.Text.Json.Nodes;
using HaIngestor.Domain.Detection;
using HaIngestor.Domain.Suggestions;

namespace HaIngestor.Domain.Tests.Json;

/// <summary>Hand-built patterns, suggestions and runs in the shapes the detectors and the engine produce.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Start = new(2025, 10, 13, 3, 0, 0, TimeSpan.Zero);

    public static Pattern TimeOfDay(string id = "tod-kitchen-on-0705", DaySelection? days = null) => new(
        id,
        "time_of_day",
        ["light.kitchen"],
        ["on"],
        12,
        0.857,
        [new DateOnly(2025, 10, 6), new DateOnly(2025, 10, 7), new DateOnly(2025, 10, 8)],
        new TimeOfDayDetails((7 * 60) + 5, 6.25, days ?? DaySelection.Weekdays));

    public static Suggestion Suggestion(string id = "haingestor_kitchen_on_0705", SafetyLevel level = SafetyLevel.Safe) => new(
        id,
        "Kitchen light on at 07:05 on weekdays",
        "light.kitchen was switched on by hand around 07:05 on 12 weekdays.",
        0.81,
        ["tod-kitchen-on-0705"],
        new JsonObject
        {
            ["id"] = id,
            ["alias"] = "Kitchen light on at 07:05 on weekdays",
            ["triggers"] = new JsonArray(new JsonObject { ["trigger"] = "time", ["at"] = "07:05:00" }),
            ["conditions"] = new JsonArray(new JsonObject { ["condition"] = "time", ["weekday"] = new JsonArray("mon", "tue", "wed", "thu", "fri") }),
            ["actions"] = new JsonArray(new JsonObject { ["action"] = "light.turn_on", ["target"] = new JsonObject { ["entity_id"] = "light.kitchen" } }),
        },
        "alias: Kitchen light on at 07:05 on weekdays\ntriggers:\n  - trigger: time\n    at: \"07:05:00\"\n",
        new SafetyAssessment(level, level == SafetyLevel.Safe ? [] : ["unlocks a door"]));

    public static AnalysisRunReport Run(string runId, DateTimeOffset startedAt, AnalysisRunStatus status = AnalysisRunStatus.Completed) => new(
        runId,
        "daily",
        "schedule",
        startedAt,
        startedAt.AddSeconds(4.25),
        startedAt.AddDays(-1),
        startedAt,
        status,
        [KeyValuePair.Create("capabilities", 3L), KeyValuePair.Create("fetch", 120L), KeyValuePair.Create("detect", 900L)],
        818,
        status == AnalysisRunStatus.Failed ? 0 : 1,
        status == AnalysisRunStatus.Failed ? 0 : 1,
        status == AnalysisRunStatus.Completed ? [] : [KeyValuePair.Create("co_occurrence", "timed out after 30 s")]);

    public static void AssertSame(Pattern expected, Pattern actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Type, actual.Type);
        Assert.Equal(expected.Entities, actual.Entities);
        Assert.Equal(expected.States, actual.States);
        Assert.Equal(expected.Occurrences, actual.Occurrences);
        Assert.Equal(expected.Confidence, actual.Confidence);
        Assert.Equal(expected.EvidenceDates, actual.EvidenceDates);
        Assert.Equal(expected.Details, actual.Details);
    }

    public static void AssertSame(Suggestion expected, Suggestion actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Description, actual.Description);
        Assert.Equal(expected.Score, actual.Score);
        Assert.Equal(expected.PatternIds, actual.PatternIds);
        Assert.True(JsonNode.DeepEquals(expected.Automation, actual.Automation), actual.Automation.ToJsonString());
        Assert.Equal(expected.Yaml, actual.Yaml);
        Assert.Equal(expected.Safety.Level, actual.Safety.Level);
        Assert.Equal(expected.Safety.Issues, actual.Safety.Issues);
    }

    public static void AssertSame(AnalysisRunReport expected, AnalysisRunReport actual)
    {
        Assert.Equal(expected.RunId, actual.RunId);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Trigger, actual.Trigger);
        Assert.Equal(expected.StartedAt, actual.StartedAt);
        Assert.Equal(expected.FinishedAt, actual.FinishedAt);
        Assert.Equal(expected.WindowStart, actual.WindowStart);
        Assert.Equal(expected.WindowEnd, actual.WindowEnd);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.PhaseMilliseconds, actual.PhaseMilliseconds);
        Assert.Equal(expected.EventCount, actual.EventCount);
        Assert.Equal(expected.PatternCount, actual.PatternCount);
        Assert.Equal(expected.SuggestionCount, actual.SuggestionCount);
        Assert.Equal(expected.Failures, actual.Failures);
    }
}
