namespace HaIngestor.Domain.Suggestions;

/// <summary>The ranked suggestions left after checking them against Home Assistant's automations, and those dropped.</summary>
public sealed record CheckedSuggestions(IReadOnlyList<Suggestion> Suggestions, IReadOnlyList<AutomatedSuggestion> AlreadyAutomated);
