using HaIngestor.Domain.Suggestions;

namespace HaIngestor.Domain.Detection;

/// <summary>What checking an analysis's suggestions against Home Assistant's own automations gave.</summary>
/// <param name="Check">What was read and how many suggestions it made unnecessary.</param>
/// <param name="AlreadyAutomated">The suggestions left out, each with the automation that already does it.</param>
public sealed record CheckedAgainstHomeAssistant(HomeAssistantCheck Check, IReadOnlyList<AutomatedSuggestion> AlreadyAutomated);
