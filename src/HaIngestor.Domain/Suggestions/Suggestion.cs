using System.Text.Json.Nodes;

namespace HaIngestor.Domain.Suggestions;

/// <summary>A proposed Home Assistant automation, ranked and checked.</summary>
/// <param name="Id">Stable id derived from what it automates; also the HA automation id.</param>
/// <param name="Title">Short human title (the automation alias).</param>
/// <param name="Description">Why it is suggested, in words.</param>
/// <param name="Score">Ranking score, higher first (0..1).</param>
/// <param name="PatternIds">The patterns it is built from.</param>
/// <param name="Automation">The HA automation config in modern syntax, as JSON (what HA's config API takes).</param>
/// <param name="Yaml">The same automation as YAML, for the user to read or paste.</param>
/// <param name="Safety">The safety validator's verdict.</param>
public sealed record Suggestion(
    string Id,
    string Title,
    string Description,
    double Score,
    IReadOnlyList<string> PatternIds,
    JsonObject Automation,
    string Yaml,
    SafetyAssessment Safety);
