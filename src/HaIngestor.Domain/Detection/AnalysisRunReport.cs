namespace HaIngestor.Domain.Detection;

/// <summary>The record of one analysis run: what ran, how long each phase took, what failed.</summary>
/// <param name="RunId">Unique id of the run.</param>
/// <param name="Kind">daily, weekly, monthly or on-demand.</param>
/// <param name="Trigger">What started it: schedule, catch-up, rest, mqtt, demo, ...</param>
/// <param name="StartedAt">Start, UTC.</param>
/// <param name="FinishedAt">End, UTC.</param>
/// <param name="WindowStart">Analysed window start.</param>
/// <param name="WindowEnd">Analysed window end.</param>
/// <param name="Status">Completed, Partial or Failed.</param>
/// <param name="PhaseMilliseconds">Phase name → wall time in ms, in phase order.</param>
/// <param name="EventCount">Events analysed.</param>
/// <param name="PatternCount">Patterns found.</param>
/// <param name="SuggestionCount">Suggestions produced.</param>
/// <param name="Failures">Detector (or phase) name → error message, for what failed.</param>
/// <param name="Utilisation">Home-wide feature utilisation (controllable features ever used / all controllable features), when phase 4 measured it.</param>
/// <param name="HomeAssistant">Whether the suggestions were checked against Home Assistant's own automations, and what that dropped; null for runs from before the check existed.</param>
/// <param name="AggregateDays">How the window's days came out of L2, when the run read through it.</param>
public sealed record AnalysisRunReport(
    string RunId,
    string Kind,
    string Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    AnalysisRunStatus Status,
    IReadOnlyList<KeyValuePair<string, long>> PhaseMilliseconds,
    int EventCount,
    int PatternCount,
    int SuggestionCount,
    IReadOnlyList<KeyValuePair<string, string>> Failures,
    double? Utilisation = null,
    HomeAssistantCheck? HomeAssistant = null,
    AggregateDayCounts? AggregateDays = null);
